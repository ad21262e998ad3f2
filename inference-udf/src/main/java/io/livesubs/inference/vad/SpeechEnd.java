package io.livesubs.inference.vad;

import java.util.Objects;

/**
 * A speech segment ended. The segment is {@code [startSample, endSample)} (padding included) and
 * always follows a {@link SpeechStart} with the same {@code startSample}.
 *
 * @param startSample absolute offset of the segment's first sample
 * @param endSample absolute offset one past the segment's last sample
 * @param reason why it ended
 */
public record SpeechEnd(long startSample, long endSample, EndReason reason) implements VadEvent {
  /** Why a segment ended. */
  public enum EndReason {
    /** Silence of at least {@link VadConfig#minSilenceMs()} (also after a gap in the audio). */
    SILENCE,
    /**
     * The segment reached its maximum length and was cut at the current window; if speech goes on,
     * the next segment starts exactly at {@code endSample}.
     */
    MAX_LENGTH,
    /** The caller flushed the segmenter (end of stream). */
    FLUSH
  }

  /** Validates the components. */
  public SpeechEnd {
    Objects.requireNonNull(reason, "reason");
    if (startSample < 0 || endSample <= startSample) {
      throw new IllegalArgumentException(
          "Need 0 <= startSample < endSample, was " + startSample + ".." + endSample);
    }
  }

  @Override
  public long sample() {
    return endSample;
  }

  /** Number of samples in the segment. */
  public long length() {
    return endSample - startSample;
  }
}
