package io.livesubs.sink.format;

/**
 * Formats media times for subtitle files: {@code HH:MM:SS.mmm} for WebVTT and {@code HH:MM:SS,mmm}
 * for SubRip. Hours have at least two digits and grow beyond 99 when needed. Stateless and
 * thread-safe.
 */
public final class Timestamps {

  private Timestamps() {}

  /** Formats {@code ms} as a WebVTT timestamp, e.g. 3723004 → {@code 01:02:03.004}. */
  public static String webVtt(long ms) {
    return format(ms, '.');
  }

  /** Formats {@code ms} as a SubRip timestamp, e.g. 3723004 → {@code 01:02:03,004}. */
  public static String srt(long ms) {
    return format(ms, ',');
  }

  private static String format(long ms, char separator) {
    if (ms < 0) {
      throw new IllegalArgumentException("timestamp must be >= 0 ms, got " + ms);
    }
    long hours = ms / 3_600_000;
    long minutes = ms / 60_000 % 60;
    long seconds = ms / 1000 % 60;
    long millis = ms % 1000;
    return String.format("%02d:%02d:%02d%c%03d", hours, minutes, seconds, separator, millis);
  }
}
