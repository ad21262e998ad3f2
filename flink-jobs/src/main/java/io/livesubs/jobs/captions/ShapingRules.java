package io.livesubs.jobs.captions;

import io.livesubs.schemas.CaptionStyle;
import java.io.Serializable;

/**
 * Immutable limits that caption shaping works to.
 *
 * <p>Defaults follow the Netflix timed-text guidance (42 characters a line, 2 lines, 17 characters
 * per second, at most 7 s on screen, a 2-frame gap between cues: 80 ms at 25 fps) and the BBC
 * guidance that a subtitle should not trail speech by more than 1.5 s. The minimum duration is 1 s
 * rather than Netflix's 5/6 s because live captions must keep up with speech.
 *
 * <p>Characters are counted as Unicode code points. Build with {@link #builder()} (checks each
 * argument and the combination in {@link Builder#build()}), or override the defaults of an existing
 * instance with a stream's {@link CaptionStyle} via {@link #withStyle(CaptionStyle)}. Instances are
 * immutable, thread-safe and serializable (they travel inside Flink functions).
 *
 * @param maxCharsPerLine longest line, in characters
 * @param maxLines most lines a cue may have
 * @param maxCharsPerSecond reading-rate limit: characters of a cue per second on screen
 * @param minDurationMs shortest time a cue should stay on screen
 * @param maxDurationMs longest time a cue may stay on screen
 * @param minGapMs smallest gap between the end of one cue and the start of the next
 * @param maxTrailMs how far a cue may stay on screen after its last word has ended
 */
public record ShapingRules(
    int maxCharsPerLine,
    int maxLines,
    double maxCharsPerSecond,
    long minDurationMs,
    long maxDurationMs,
    long minGapMs,
    long maxTrailMs)
    implements Serializable {

  /** Upper bound on {@link #maxCharsPerLine}; keeps the line-breaking search small. */
  public static final int MAX_CHARS_PER_LINE_LIMIT = 200;

  /** Upper bound on {@link #maxLines}; keeps the line-breaking search small. */
  public static final int MAX_LINES_LIMIT = 6;

  private static final ShapingRules DEFAULTS = builder().build();

  /** Checks every field; throws {@link IllegalArgumentException} naming the first bad one. */
  public ShapingRules {
    requireRange("maxCharsPerLine", maxCharsPerLine, 1, MAX_CHARS_PER_LINE_LIMIT);
    requireRange("maxLines", maxLines, 1, MAX_LINES_LIMIT);
    if (!(maxCharsPerSecond > 0) || Double.isInfinite(maxCharsPerSecond)) {
      throw new IllegalArgumentException(
          "maxCharsPerSecond must be a positive finite number, got " + maxCharsPerSecond);
    }
    requireRange("minDurationMs", minDurationMs, 0, Long.MAX_VALUE);
    requireRange("maxDurationMs", maxDurationMs, 1, Long.MAX_VALUE);
    if (minDurationMs > maxDurationMs) {
      throw new IllegalArgumentException(
          "minDurationMs ("
              + minDurationMs
              + ") must not exceed maxDurationMs ("
              + maxDurationMs
              + ")");
    }
    requireRange("minGapMs", minGapMs, 0, Long.MAX_VALUE);
    requireRange("maxTrailMs", maxTrailMs, 0, Long.MAX_VALUE);
  }

  /** The default rules (see the type documentation). */
  public static ShapingRules defaults() {
    return DEFAULTS;
  }

  /** A builder preset with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this instance's values. */
  public Builder toBuilder() {
    return new Builder()
        .maxCharsPerLine(maxCharsPerLine)
        .maxLines(maxLines)
        .maxCharsPerSecond(maxCharsPerSecond)
        .minDurationMs(minDurationMs)
        .maxDurationMs(maxDurationMs)
        .minGapMs(minGapMs)
        .maxTrailMs(maxTrailMs);
  }

  /**
   * These rules with the non-null fields of a stream's caption style applied on top.
   *
   * <p>A null style, or a null field, keeps this instance's value. {@code emitPartials} is not a
   * shaping rule and is ignored here. The result is validated like a built instance, so a style
   * with an impossible value (for example {@code maxLines = 0}) throws {@link
   * IllegalArgumentException} naming the field.
   */
  public ShapingRules withStyle(CaptionStyle style) {
    if (style == null) {
      return this;
    }
    Builder b = toBuilder();
    if (style.getMaxCharsPerLine() != null) {
      b.maxCharsPerLine(style.getMaxCharsPerLine());
    }
    if (style.getMaxLines() != null) {
      b.maxLines(style.getMaxLines());
    }
    if (style.getMaxCharsPerSecond() != null) {
      b.maxCharsPerSecond(style.getMaxCharsPerSecond());
    }
    if (style.getMinDurationMs() != null) {
      b.minDurationMs(style.getMinDurationMs());
    }
    if (style.getMaxDurationMs() != null) {
      b.maxDurationMs(style.getMaxDurationMs());
    }
    return b.build();
  }

  private static void requireRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      String range = max == Long.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]";
      throw new IllegalArgumentException(name + " must be " + range + ", got " + value);
    }
  }

  /** Mutable builder for {@link ShapingRules}; not thread-safe. Preset with the defaults. */
  public static final class Builder {
    private int maxCharsPerLine = 42;
    private int maxLines = 2;
    private double maxCharsPerSecond = 17.0;
    private long minDurationMs = 1_000;
    private long maxDurationMs = 7_000;
    private long minGapMs = 80;
    private long maxTrailMs = 1_500;

    private Builder() {}

    /**
     * Longest line in characters, 1 to {@value ShapingRules#MAX_CHARS_PER_LINE_LIMIT}. Default 42.
     */
    public Builder maxCharsPerLine(int value) {
      requireRange("maxCharsPerLine", value, 1, MAX_CHARS_PER_LINE_LIMIT);
      this.maxCharsPerLine = value;
      return this;
    }

    /** Most lines a cue may have, 1 to {@value ShapingRules#MAX_LINES_LIMIT}. Default 2. */
    public Builder maxLines(int value) {
      requireRange("maxLines", value, 1, MAX_LINES_LIMIT);
      this.maxLines = value;
      return this;
    }

    /** Reading-rate limit in characters per second, positive and finite. Default 17. */
    public Builder maxCharsPerSecond(double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(
            "maxCharsPerSecond must be a positive finite number, got " + value);
      }
      this.maxCharsPerSecond = value;
      return this;
    }

    /** Shortest time on screen, {@code >= 0} ms. Default 1000. */
    public Builder minDurationMs(long value) {
      requireRange("minDurationMs", value, 0, Long.MAX_VALUE);
      this.minDurationMs = value;
      return this;
    }

    /** Longest time on screen, {@code >= 1} ms. Default 7000. */
    public Builder maxDurationMs(long value) {
      requireRange("maxDurationMs", value, 1, Long.MAX_VALUE);
      this.maxDurationMs = value;
      return this;
    }

    /** Smallest gap between consecutive cues, {@code >= 0} ms. Default 80 (2 frames at 25 fps). */
    public Builder minGapMs(long value) {
      requireRange("minGapMs", value, 0, Long.MAX_VALUE);
      this.minGapMs = value;
      return this;
    }

    /**
     * Sets the gap between cues as a number of video frames, rounded up to whole milliseconds (for
     * example 2 frames at 29.97 fps is 67 ms).
     */
    public Builder minGapFrames(int frames, double framesPerSecond) {
      if (frames < 0) {
        throw new IllegalArgumentException("frames must be >= 0, got " + frames);
      }
      if (!(framesPerSecond > 0) || Double.isInfinite(framesPerSecond)) {
        throw new IllegalArgumentException(
            "framesPerSecond must be a positive finite number, got " + framesPerSecond);
      }
      return minGapMs((long) Math.ceil(frames * 1000.0 / framesPerSecond - 1e-9));
    }

    /** How long a cue may stay on screen after its last word, {@code >= 0} ms. Default 1500. */
    public Builder maxTrailMs(long value) {
      requireRange("maxTrailMs", value, 0, Long.MAX_VALUE);
      this.maxTrailMs = value;
      return this;
    }

    /** Builds the rules; throws {@link IllegalArgumentException} if the combination is invalid. */
    public ShapingRules build() {
      return new ShapingRules(
          maxCharsPerLine,
          maxLines,
          maxCharsPerSecond,
          minDurationMs,
          maxDurationMs,
          minGapMs,
          maxTrailMs);
    }
  }
}
