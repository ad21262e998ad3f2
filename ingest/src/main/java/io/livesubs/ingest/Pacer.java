package io.livesubs.ingest;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces sending to real time: {@link #awaitMediaTime(long)} returns no earlier than the pacer's
 * start plus the given media time, as measured by the nano clock. When the caller is already late
 * it returns at once; it never tries to catch up by hurrying later chunks beyond real time. The
 * clock and the sleep are injectable for tests. Not thread-safe: one sending loop owns a pacer.
 */
public final class Pacer {

  /** Sleeps for a number of nanoseconds (approximately; waking early or late is fine). */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps about {@code nanos} nanoseconds. */
    void sleep(long nanos) throws InterruptedException;
  }

  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private long startNanos;
  private boolean started;

  /** A pacer on {@link System#nanoTime()} that sleeps the thread. */
  public static Pacer realtime() {
    return new Pacer(System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /** A pacer on the given monotonic clock and sleep. */
  public Pacer(LongSupplier nanoClock, Sleeper sleeper) {
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** Marks media time 0 as now. Must be called once, before {@link #awaitMediaTime}. */
  public void start() {
    if (started) {
      throw new IllegalStateException("pacer already started");
    }
    startNanos = nanoClock.getAsLong();
    started = true;
  }

  /** Nanoseconds of wall time since {@link #start()}. */
  public long elapsedNanos() {
    checkStarted();
    return nanoClock.getAsLong() - startNanos;
  }

  /**
   * Waits until {@code mediaNanos} after the start.
   *
   * @return how late the call returned, in nanoseconds after the wanted instant (0 or more)
   */
  public long awaitMediaTime(long mediaNanos) throws InterruptedException {
    checkStarted();
    long target = startNanos + mediaNanos;
    long now = nanoClock.getAsLong();
    // Loop because sleeps may wake early; the clock, not the sleep, decides.
    while (now - target < 0) {
      sleeper.sleep(target - now);
      now = nanoClock.getAsLong();
    }
    return now - target;
  }

  private void checkStarted() {
    if (!started) {
      throw new IllegalStateException("pacer not started");
    }
  }
}
