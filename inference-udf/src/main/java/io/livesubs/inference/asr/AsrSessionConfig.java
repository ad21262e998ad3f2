package io.livesubs.inference.asr;

/**
 * How to open an {@link AsrSession} for one speech segment. Immutable; build with {@link
 * #builder()}, which validates.
 *
 * @param startSample absolute stream offset (in samples) of the segment's first sample; word times
 *     are reported relative to the stream start, i.e. offset by this
 * @param sampleRate sample rate of the audio that will be fed (8000..48000; the pipeline uses
 *     16000)
 * @param language language hint (BCP 47, e.g. "en" or "en-US"), or null for the engine's default
 * @param partialIntervalMs minimum audio between two partial hypotheses; 0 computes one on every
 *     {@link AsrSession#acceptWaveform} call. Partial hypotheses cost decoder time (Vosk traceback,
 *     Whisper re-decode), so live captions use a few hundred ms.
 */
public record AsrSessionConfig(
    long startSample, int sampleRate, String language, int partialIntervalMs) {

  /** Pipeline sample rate. */
  public static final int DEFAULT_SAMPLE_RATE = 16_000;

  /** Validates the components. */
  public AsrSessionConfig {
    if (startSample < 0) {
      throw new IllegalArgumentException("startSample must be >= 0, was " + startSample);
    }
    if (sampleRate < 8_000 || sampleRate > 48_000) {
      throw new IllegalArgumentException("sampleRate must be in 8000..48000, was " + sampleRate);
    }
    if (language != null && !language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException(
          "language must be a BCP 47 tag like 'en', was '" + language + "'");
    }
    if (partialIntervalMs < 0) {
      throw new IllegalArgumentException(
          "partialIntervalMs must be >= 0, was " + partialIntervalMs);
    }
  }

  /** A builder: start 0, 16 kHz, no language hint, partials every 250 ms. */
  public static Builder builder() {
    return new Builder();
  }

  /** Media time (ms from stream start) of the segment's first sample. */
  public long startMs() {
    return startSample * 1000 / sampleRate;
  }

  /** Media time (ms from stream start) of the sample {@code n} samples into the segment. */
  public long mediaMs(long n) {
    return (startSample + n) * 1000 / sampleRate;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private long startSample;
    private int sampleRate = DEFAULT_SAMPLE_RATE;
    private String language;
    private int partialIntervalMs = 250;

    private Builder() {}

    /** Absolute offset of the segment's first sample (default 0). */
    public Builder startSample(long v) {
      startSample = v;
      return this;
    }

    /** Sample rate (default 16000). */
    public Builder sampleRate(int v) {
      sampleRate = v;
      return this;
    }

    /** Language hint, or null for none (default). */
    public Builder language(String v) {
      language = v;
      return this;
    }

    /** Minimum audio between partial hypotheses (default 250 ms; 0 = every call). */
    public Builder partialIntervalMs(int v) {
      partialIntervalMs = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the invalid setting
     */
    public AsrSessionConfig build() {
      return new AsrSessionConfig(startSample, sampleRate, language, partialIntervalMs);
    }
  }
}
