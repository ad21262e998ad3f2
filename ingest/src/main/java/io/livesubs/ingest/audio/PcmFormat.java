package io.livesubs.ingest.audio;

/**
 * The audio format livesubs puts on the wire: 16 kHz, mono, signed 16-bit little-endian PCM. Every
 * input is converted to this format before it is chunked. Constants and pure conversions only.
 */
public final class PcmFormat {

  /** Samples per second of the wire format. */
  public static final int SAMPLE_RATE = 16_000;

  /** Channel count of the wire format. */
  public static final int CHANNELS = 1;

  /** Bytes per sample (and per frame, being mono) of the wire format. */
  public static final int BYTES_PER_SAMPLE = 2;

  private PcmFormat() {}

  /**
   * Returns the number of samples in {@code ms} milliseconds of audio.
   *
   * @throws IllegalArgumentException if the duration is not a positive whole number of samples
   */
  public static int samplesForMs(int ms) {
    long product = (long) ms * SAMPLE_RATE;
    if (ms <= 0 || product % 1000 != 0) {
      throw new IllegalArgumentException(
          ms + " ms is not a positive whole number of samples at " + SAMPLE_RATE + " Hz");
    }
    return (int) (product / 1000);
  }

  /** Returns the media time in milliseconds (rounded down) at sample offset {@code samples}. */
  public static long samplesToMs(long samples) {
    return Math.floorDiv(samples * 1000, SAMPLE_RATE);
  }

  /** Returns the media time in nanoseconds (rounded down) at sample offset {@code samples}. */
  public static long samplesToNanos(long samples) {
    // 62_500 ns per sample at 16 kHz: exact, and no overflow for centuries of audio.
    return samples * (1_000_000_000L / SAMPLE_RATE);
  }

  /** Returns {@code samples} as seconds of audio. */
  public static double samplesToSeconds(long samples) {
    return samples / (double) SAMPLE_RATE;
  }
}
