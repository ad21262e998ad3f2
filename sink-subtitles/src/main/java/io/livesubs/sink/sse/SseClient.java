package io.livesubs.sink.sse;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connected Server-Sent-Events client: a bounded queue of frames and a drain task that writes
 * them on a writer thread. Only one drain task runs per client at a time, so a client that stops
 * reading blocks its own writer thread and nothing else. The hub queues no more than {@link
 * #room()} frames and closes a client that {@link #stalledFor stalls} (it can reconnect with {@code
 * Last-Event-ID} and lose nothing). Closing always happens on the writer thread, because closing an
 * HTTP exchange writes to its socket too.
 *
 * <p>Thread-safety: {@link #offer}, {@link #requestClose} and {@link #isOpen} may be called from
 * any thread; {@link #cursor} and {@link #lastOfferNanos} belong to the hub's pump thread.
 */
final class SseClient {

  final String streamId;
  final String language;

  /** Change number of the last event queued (pump thread only). */
  long cursor;

  /** When the last frame was queued, for heartbeats (pump thread only). */
  long lastOfferNanos;

  private final HttpExchange exchange;
  private final OutputStream body;
  private final ArrayBlockingQueue<byte[]> queue;
  private final Executor writers;
  private final Runnable onClosed;
  private final Runnable onRoom;
  private volatile boolean hungry;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closeRequested = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastProgressNanos;

  SseClient(
      HttpExchange exchange,
      String streamId,
      String language,
      long cursor,
      int queueCapacity,
      Executor writers,
      Runnable onClosed,
      Runnable onRoom) {
    this.exchange = exchange;
    this.body = exchange.getResponseBody();
    this.streamId = streamId;
    this.language = language;
    this.cursor = cursor;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.writers = writers;
    this.onClosed = onClosed;
    this.onRoom = onRoom;
    this.lastOfferNanos = System.nanoTime();
    this.lastProgressNanos = lastOfferNanos;
  }

  /**
   * Queues a frame for writing.
   *
   * @return false when the client is closing or its queue is full
   */
  boolean offer(byte[] frame) {
    if (closeRequested.get()) {
      return false;
    }
    if (queue.isEmpty()) {
      // Waiting for the writer starts now, not at its last write.
      lastProgressNanos = System.nanoTime();
    }
    if (!queue.offer(frame)) {
      return false;
    }
    schedule();
    return true;
  }

  /** Asks to be told ({@code onRoom}) once the writer has made room in the queue. */
  void markHungry() {
    hungry = true;
  }

  /** Returns how many more frames the queue takes now. */
  int room() {
    return queue.remainingCapacity();
  }

  /**
   * Returns for how long, in ns at {@code now}, frames have waited without the writer completing a
   * write; 0 when nothing waits.
   */
  long stalledFor(long now) {
    return queue.isEmpty() ? 0 : Math.max(0, now - lastProgressNanos);
  }

  /** Asks the writer thread to close the connection once the current write returns. */
  void requestClose() {
    if (closeRequested.compareAndSet(false, true)) {
      schedule();
    }
  }

  /** Returns whether the client still takes frames. */
  boolean isOpen() {
    return !closeRequested.get();
  }

  private void schedule() {
    if (draining.compareAndSet(false, true)) {
      writers.execute(this::drain);
    }
  }

  private void drain() {
    try {
      while (true) {
        boolean wrote = false;
        byte[] frame;
        while (!closeRequested.get() && (frame = queue.poll()) != null) {
          body.write(frame);
          lastProgressNanos = System.nanoTime();
          wrote = true;
        }
        if (wrote) {
          body.flush();
          if (hungry) {
            hungry = false;
            onRoom.run();
          }
        }
        if (closeRequested.get()) {
          finish();
          return;
        }
        draining.set(false);
        // A frame queued between the last poll and the flag reset would otherwise wait for the
        // next offer.
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      closeRequested.set(true);
      finish();
    }
  }

  private void finish() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      try {
        exchange.close();
      } catch (RuntimeException e) {
        // The connection is gone either way.
      }
      onClosed.run();
    }
  }
}
