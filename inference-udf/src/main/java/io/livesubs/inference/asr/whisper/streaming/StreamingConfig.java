package io.livesubs.inference.asr.whisper.streaming;

/**
 * Timing of the streaming policy. Immutable; build with {@link #builder()}.
 *
 * @param stepMs audio between two decodes of the growing segment (default 1000)
 * @param trimThresholdMs buffer length beyond which the buffer is trimmed at the last committed
 *     sentence (default 20000)
 * @param maxBufferMs buffer length beyond which the tail is committed as it is and the buffer cut
 *     regardless (default 25000); {@code maxBufferMs + stepMs} must fit in Whisper's 30 s window,
 *     so no decoded window is ever cut short
 * @param promptChars characters of committed text before the buffer given to the decoder as
 *     previous text (default 200; 0 = none)
 */
public record StreamingConfig(int stepMs, int trimThresholdMs, int maxBufferMs, int promptChars) {
  /** Whisper's window. */
  public static final int WINDOW_MS = 30_000;

  /** The defaults. */
  public static final StreamingConfig DEFAULTS = builder().build();

  /** Validates the components; the message names the bad one. */
  public StreamingConfig {
    if (stepMs < 10 || stepMs > 10_000) {
      throw new IllegalArgumentException("stepMs must be in 10..10000, was " + stepMs);
    }
    if (trimThresholdMs < stepMs) {
      throw new IllegalArgumentException(
          "trimThresholdMs (" + trimThresholdMs + ") must be >= stepMs (" + stepMs + ")");
    }
    if (maxBufferMs <= trimThresholdMs) {
      throw new IllegalArgumentException(
          "maxBufferMs ("
              + maxBufferMs
              + ") must exceed trimThresholdMs ("
              + trimThresholdMs
              + ")");
    }
    if (maxBufferMs + stepMs > WINDOW_MS) {
      throw new IllegalArgumentException(
          "maxBufferMs + stepMs must be <= "
              + WINDOW_MS
              + " (Whisper's window), was "
              + maxBufferMs
              + " + "
              + stepMs);
    }
    if (promptChars < 0) {
      throw new IllegalArgumentException("promptChars must be >= 0, was " + promptChars);
    }
  }

  /** A builder preset with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private int stepMs = 1000;
    private int trimThresholdMs = 20_000;
    private int maxBufferMs = 25_000;
    private int promptChars = 200;

    private Builder() {}

    /** Audio between decodes (default 1000 ms). */
    public Builder stepMs(int v) {
      stepMs = v;
      return this;
    }

    /** Length that triggers trimming at a committed sentence end (default 20000 ms). */
    public Builder trimThresholdMs(int v) {
      trimThresholdMs = v;
      return this;
    }

    /** Length that forces a cut (default 25000 ms). */
    public Builder maxBufferMs(int v) {
      maxBufferMs = v;
      return this;
    }

    /** Prompt length in characters (default 200). */
    public Builder promptChars(int v) {
      promptChars = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the invalid setting
     */
    public StreamingConfig build() {
      return new StreamingConfig(stepMs, trimThresholdMs, maxBufferMs, promptChars);
    }
  }
}
