package io.livesubs.inference.asr;

import java.util.Objects;

/**
 * The final hypothesis of a finished {@link AsrSession}. Immutable.
 *
 * @param transcript the final text and words (media times)
 * @param startMs media time of the first sample the session received
 * @param endMs media time just after the last sample the session received
 */
public record AsrResult(Transcript transcript, long startMs, long endMs) {
  /** Validates the components. */
  public AsrResult {
    Objects.requireNonNull(transcript, "transcript");
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "Need 0 <= startMs <= endMs, was " + startMs + ".." + endMs);
    }
  }
}
