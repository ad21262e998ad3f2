package io.livesubs.sink.sse;

import io.livesubs.sink.topology.CueChangeListener;

/**
 * Wakes the live-push pump when a timeline changed. The topology calls {@link #onChange} on its
 * stream thread; that call only sets a flag under a lock nobody holds for long, so it never blocks
 * the stream thread. Thread-safe.
 */
public final class ChangeSignal implements CueChangeListener {

  private final Object lock = new Object();
  private boolean pending;

  @Override
  public void onChange(String streamId, String language, long changeSeq) {
    wake();
  }

  /** Wakes a waiting {@link #await}, or makes the next one return at once. */
  public void wake() {
    synchronized (lock) {
      pending = true;
      lock.notifyAll();
    }
  }

  /**
   * Waits until woken or {@code timeoutMs} passed, and clears the signal.
   *
   * @return whether it was woken
   */
  public boolean await(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    synchronized (lock) {
      long left = timeoutMs;
      while (!pending && left > 0) {
        lock.wait(left);
        left = (deadline - System.nanoTime()) / 1_000_000;
      }
      boolean woken = pending;
      pending = false;
      return woken;
    }
  }
}
