package io.livesubs.inference.asr.whisper.decoding;

import java.util.List;

/**
 * How one window is decoded and which results are kept. Immutable; build with {@link #builder()}.
 * The defaults follow OpenAI's reference {@code transcribe()} where it has a setting.
 *
 * @param timestamps decode with timestamp tokens (segments with times); otherwise the prompt ends
 *     with {@code <|notimestamps|>} and the window is one segment
 * @param maxInitialTimestamp latest first timestamp in seconds (reference: 1.0); negative = none
 * @param suppressBlank forbid a blank or empty start ({@link SuppressBlankFilter})
 * @param suppressNonSpeech forbid the tokenizer's symbol tokens (reference {@code
 *     suppress_tokens="-1"})
 * @param suppressTokens further token ids never to sample
 * @param maxSampledTokens tokens sampled per window at most (reference: 224, half the context)
 * @param forcedSteps 0 for normal decoding; otherwise every row samples exactly this many tokens
 *     with {@code <|endoftext|>} and the repetition stop disabled (for timing the model)
 * @param noSpeechThreshold drop a window whose {@code <|nospeech|>} probability exceeds this ...
 * @param logprobThreshold ... unless its average log probability is above this (reference: 0.6 and
 *     -1.0)
 * @param minAvgLogprob drop any window whose average log probability is below this (-1.0; negative
 *     infinity disables). The reference retries such windows at higher temperatures; decoding here
 *     is greedy only (so that replaying audio reproduces the same captions), so a window that would
 *     need that fallback is dropped instead
 * @param compressionRatioThreshold drop a window whose text compresses better than this (2.4): such
 *     text is repetitive
 * @param repetitionMaxNgram longest repeated token pattern the repetition stop looks for (8)
 * @param repetitionMinRepeats back-to-back occurrences of a pattern that stop decoding (4); all but
 *     the first are cut
 */
public record DecodeOptions(
    boolean timestamps,
    double maxInitialTimestamp,
    boolean suppressBlank,
    boolean suppressNonSpeech,
    List<Integer> suppressTokens,
    int maxSampledTokens,
    int forcedSteps,
    double noSpeechThreshold,
    double logprobThreshold,
    double minAvgLogprob,
    double compressionRatioThreshold,
    int repetitionMaxNgram,
    int repetitionMinRepeats) {

  /** The defaults (see {@link Builder}). */
  public static final DecodeOptions DEFAULTS = builder().build();

  /** Validates the components; the message names the bad one. */
  public DecodeOptions {
    suppressTokens = List.copyOf(suppressTokens);
    for (int t : suppressTokens) {
      if (t < 0) {
        throw new IllegalArgumentException("suppressTokens must be >= 0, got " + t);
      }
    }
    if (Double.isNaN(maxInitialTimestamp) || maxInitialTimestamp > 30) {
      throw new IllegalArgumentException(
          "maxInitialTimestamp must be <= 30 s, was " + maxInitialTimestamp);
    }
    if (maxSampledTokens < 1) {
      throw new IllegalArgumentException("maxSampledTokens must be >= 1, was " + maxSampledTokens);
    }
    if (forcedSteps < 0) {
      throw new IllegalArgumentException("forcedSteps must be >= 0, was " + forcedSteps);
    }
    if (!(noSpeechThreshold >= 0 && noSpeechThreshold <= 1)) {
      throw new IllegalArgumentException(
          "noSpeechThreshold must be in [0, 1], was " + noSpeechThreshold);
    }
    if (Double.isNaN(logprobThreshold) || Double.isNaN(minAvgLogprob)) {
      throw new IllegalArgumentException("log probability thresholds must not be NaN");
    }
    if (!(compressionRatioThreshold > 0)) {
      throw new IllegalArgumentException(
          "compressionRatioThreshold must be > 0, was " + compressionRatioThreshold);
    }
    if (repetitionMaxNgram < 1) {
      throw new IllegalArgumentException(
          "repetitionMaxNgram must be >= 1, was " + repetitionMaxNgram);
    }
    if (repetitionMinRepeats < 2) {
      throw new IllegalArgumentException(
          "repetitionMinRepeats must be >= 2, was " + repetitionMinRepeats);
    }
  }

  /** A builder preset with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timestamps = timestamps;
    b.maxInitialTimestamp = maxInitialTimestamp;
    b.suppressBlank = suppressBlank;
    b.suppressNonSpeech = suppressNonSpeech;
    b.suppressTokens = suppressTokens;
    b.maxSampledTokens = maxSampledTokens;
    b.forcedSteps = forcedSteps;
    b.noSpeechThreshold = noSpeechThreshold;
    b.logprobThreshold = logprobThreshold;
    b.minAvgLogprob = minAvgLogprob;
    b.compressionRatioThreshold = compressionRatioThreshold;
    b.repetitionMaxNgram = repetitionMaxNgram;
    b.repetitionMinRepeats = repetitionMinRepeats;
    return b;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private boolean timestamps = true;
    private double maxInitialTimestamp = 1.0;
    private boolean suppressBlank = true;
    private boolean suppressNonSpeech = true;
    private List<Integer> suppressTokens = List.of();
    private int maxSampledTokens = 224;
    private int forcedSteps;
    private double noSpeechThreshold = 0.6;
    private double logprobThreshold = -1.0;
    private double minAvgLogprob = -1.0;
    private double compressionRatioThreshold = 2.4;
    private int repetitionMaxNgram = 8;
    private int repetitionMinRepeats = 4;

    private Builder() {}

    /** Timestamp tokens on (default) or off. */
    public Builder timestamps(boolean v) {
      timestamps = v;
      return this;
    }

    /** Latest first timestamp in seconds (default 1.0; negative = no limit). */
    public Builder maxInitialTimestamp(double v) {
      maxInitialTimestamp = v;
      return this;
    }

    /** Forbid a blank start (default true). */
    public Builder suppressBlank(boolean v) {
      suppressBlank = v;
      return this;
    }

    /** Forbid the tokenizer's non-speech symbols (default true). */
    public Builder suppressNonSpeech(boolean v) {
      suppressNonSpeech = v;
      return this;
    }

    /** Further ids never to sample (default none). */
    public Builder suppressTokens(List<Integer> v) {
      suppressTokens = v;
      return this;
    }

    /** Tokens sampled per window at most (default 224). */
    public Builder maxSampledTokens(int v) {
      maxSampledTokens = v;
      return this;
    }

    /** Sample exactly this many tokens per row, for timing (default 0 = off). */
    public Builder forcedSteps(int v) {
      forcedSteps = v;
      return this;
    }

    /** No-speech probability above which a low-confidence window is dropped (default 0.6). */
    public Builder noSpeechThreshold(double v) {
      noSpeechThreshold = v;
      return this;
    }

    /** Average log probability that keeps a likely no-speech window (default -1.0). */
    public Builder logprobThreshold(double v) {
      logprobThreshold = v;
      return this;
    }

    /** Average log probability below which any window is dropped (default -1.0). */
    public Builder minAvgLogprob(double v) {
      minAvgLogprob = v;
      return this;
    }

    /** Compression ratio above which a window is dropped (default 2.4). */
    public Builder compressionRatioThreshold(double v) {
      compressionRatioThreshold = v;
      return this;
    }

    /** Longest repeated pattern looked for, in tokens (default 8). */
    public Builder repetitionMaxNgram(int v) {
      repetitionMaxNgram = v;
      return this;
    }

    /** Back-to-back repeats that stop a row (default 4). */
    public Builder repetitionMinRepeats(int v) {
      repetitionMinRepeats = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the invalid setting
     */
    public DecodeOptions build() {
      return new DecodeOptions(
          timestamps,
          maxInitialTimestamp,
          suppressBlank,
          suppressNonSpeech,
          suppressTokens,
          maxSampledTokens,
          forcedSteps,
          noSpeechThreshold,
          logprobThreshold,
          minAvgLogprob,
          compressionRatioThreshold,
          repetitionMaxNgram,
          repetitionMinRepeats);
    }
  }
}
