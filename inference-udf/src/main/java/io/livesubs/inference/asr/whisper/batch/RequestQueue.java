package io.livesubs.inference.asr.whisper.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between submitters and the batch worker. {@link #put} blocks while full (the
 * backpressure callers feel); {@link #takeBatch} gathers a batch; {@link #close} wakes everyone and
 * hands back what was left. Thread-safe.
 */
final class RequestQueue {
  private final int capacity;
  private final ArrayDeque<PendingWindow> items = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private boolean closed;

  RequestQueue(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Adds an item, waiting while the queue is full.
   *
   * @throws IllegalStateException if the queue is or gets closed
   */
  void put(PendingWindow item) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && items.size() >= capacity) {
        notFull.await();
      }
      ensureOpen();
      items.addLast(item);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds an item if there is room.
   *
   * @return false if the queue is full
   * @throws IllegalStateException if the queue is closed
   */
  boolean offer(PendingWindow item) {
    lock.lock();
    try {
      ensureOpen();
      if (items.size() >= capacity) {
        return false;
      }
      items.addLast(item);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for an item, then for more until {@code max} are there or the first item has waited
   * {@code maxWaitNanos} since its submission, and removes up to {@code max}.
   *
   * @return the batch, or null once the queue is closed
   */
  List<PendingWindow> takeBatch(int max, long maxWaitNanos) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!closed && items.isEmpty()) {
        notEmpty.await();
      }
      if (closed) {
        return null;
      }
      long deadline = items.peekFirst().submittedNanos() + maxWaitNanos;
      while (!closed && items.size() < max) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        notEmpty.awaitNanos(left);
      }
      if (closed) {
        return null;
      }
      List<PendingWindow> batch = new ArrayList<>(Math.min(max, items.size()));
      while (batch.size() < max && !items.isEmpty()) {
        batch.add(items.pollFirst());
      }
      notFull.signalAll();
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Items waiting. */
  int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  /** Closes the queue and returns what was still in it; later calls return nothing. */
  List<PendingWindow> close() {
    lock.lock();
    try {
      closed = true;
      List<PendingWindow> left = new ArrayList<>(items);
      items.clear();
      notFull.signalAll();
      notEmpty.signalAll();
      return left;
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Whisper batch service is closed");
    }
  }
}
