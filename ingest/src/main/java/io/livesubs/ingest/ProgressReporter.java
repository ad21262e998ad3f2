package io.livesubs.ingest;

import io.livesubs.ingest.audio.PcmFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints a progress line such as {@code ingest: 42.0 s of audio sent (1.00x live)} at most once per
 * interval of wall time. Not thread-safe: called from the sending loop.
 */
public final class ProgressReporter {

  private final PrintWriter out;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private long startNanos;
  private long lastNanos;

  /**
   * @param out where the lines go (typically stderr)
   * @param interval minimum wall time between two lines
   * @param nanoClock monotonic clock
   */
  public ProgressReporter(PrintWriter out, Duration interval, LongSupplier nanoClock) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Marks the start of sending. */
  public void start() {
    startNanos = nanoClock.getAsLong();
    lastNanos = startNanos;
  }

  /** Prints a line if an interval has passed since the last one (or the start). */
  public void update(long samplesSent) {
    long now = nanoClock.getAsLong();
    if (now - lastNanos >= intervalNanos) {
      lastNanos = now;
      out.println(line(samplesSent, now - startNanos));
      out.flush();
    }
  }

  /** The progress line for {@code samples} of audio sent in {@code wallNanos}. */
  static String line(long samples, long wallNanos) {
    double audio = PcmFormat.samplesToSeconds(samples);
    double speed = wallNanos > 0 ? audio / (wallNanos / 1e9) : 0;
    return String.format(Locale.ROOT, "ingest: %.1f s of audio sent (%.2fx live)", audio, speed);
  }
}
