package io.livesubs.inference.vad;

/**
 * Tuning of {@link SpeechSegmenter}: how window probabilities become speech segments. Immutable;
 * build with {@link #builder()}, which validates in {@link Builder#build()}. All durations are in
 * milliseconds of 16 kHz audio.
 *
 * @param startThreshold probability at or above which silence turns into (pending) speech
 * @param endThreshold probability below which a speech window counts as silent (hysteresis)
 * @param minSpeechMs voiced span needed before a segment is reported; shorter blips are dropped
 * @param minSilenceMs silence that ends a segment
 * @param speechPadMs padding added before and after each segment (clamped to neighbours)
 * @param maxSegmentMs hard limit of a segment's length; reaching it cuts the segment
 * @param cutSearchMs the last part before {@code maxSegmentMs} in which a quiet window cuts early
 */
public record VadConfig(
    float startThreshold,
    float endThreshold,
    int minSpeechMs,
    int minSilenceMs,
    int speechPadMs,
    int maxSegmentMs,
    int cutSearchMs) {

  /** The defaults, tuned on the English long-form evaluation stream. */
  public static final VadConfig DEFAULT = builder().build();

  /** Validates the components; see {@link Builder#build()}. */
  public VadConfig {
    require(startThreshold > 0f && startThreshold < 1f, "startThreshold must be in (0, 1)");
    require(
        endThreshold > 0f && endThreshold <= startThreshold,
        "endThreshold must be in (0, startThreshold]");
    require(minSpeechMs >= 0, "minSpeechMs must be >= 0");
    require(minSilenceMs >= windowMs(), "minSilenceMs must be >= one window (32 ms)");
    require(speechPadMs >= 0, "speechPadMs must be >= 0");
    // End padding is applied when silence is detected, so it must lie in audio already seen.
    require(speechPadMs <= minSilenceMs, "speechPadMs must be <= minSilenceMs");
    require(
        maxSegmentMs >= 2 * windowMs() + minSpeechMs + speechPadMs,
        "maxSegmentMs must exceed minSpeechMs + speechPadMs by at least two windows");
    require(
        cutSearchMs >= 0 && cutSearchMs < maxSegmentMs, "cutSearchMs must be in [0, maxSegmentMs)");
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Converts milliseconds of 16 kHz audio to samples. */
  public static long samples(long ms) {
    return ms * SileroVad.SAMPLE_RATE / 1000;
  }

  private static int windowMs() {
    return SileroVad.WINDOW_SIZE * 1000 / SileroVad.SAMPLE_RATE;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("Invalid VAD config: " + message);
    }
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private float startThreshold = 0.5f;
    private float endThreshold = 0.35f;
    private int minSpeechMs = 250;
    private int minSilenceMs = 500;
    private int speechPadMs = 200;
    private int maxSegmentMs = 12_000;
    private int cutSearchMs = 3_000;

    private Builder() {}

    /** Default 0.5. */
    public Builder startThreshold(float v) {
      startThreshold = v;
      return this;
    }

    /** Default 0.35. */
    public Builder endThreshold(float v) {
      endThreshold = v;
      return this;
    }

    /** Default 250 ms. */
    public Builder minSpeechMs(int v) {
      minSpeechMs = v;
      return this;
    }

    /** Default 500 ms. */
    public Builder minSilenceMs(int v) {
      minSilenceMs = v;
      return this;
    }

    /** Default 200 ms. */
    public Builder speechPadMs(int v) {
      speechPadMs = v;
      return this;
    }

    /** Default 12 s. */
    public Builder maxSegmentMs(int v) {
      maxSegmentMs = v;
      return this;
    }

    /** Default 3 s. */
    public Builder cutSearchMs(int v) {
      cutSearchMs = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public VadConfig build() {
      return new VadConfig(
          startThreshold,
          endThreshold,
          minSpeechMs,
          minSilenceMs,
          speechPadMs,
          maxSegmentMs,
          cutSearchMs);
    }
  }
}
