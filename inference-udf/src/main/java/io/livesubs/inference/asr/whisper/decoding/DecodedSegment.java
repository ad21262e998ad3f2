package io.livesubs.inference.asr.whisper.decoding;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of a window between two timestamp tokens. Immutable.
 *
 * @param startSeconds start within the window (from the opening timestamp token, 0.02 s units)
 * @param endSeconds end within the window (closing timestamp, or the end of the window's audio when
 *     the segment was not closed)
 * @param text the decoded text, trimmed
 * @param tokens its text tokens
 */
public record DecodedSegment(
    double startSeconds, double endSeconds, String text, List<Integer> tokens) {

  /** Validates and copies the components. */
  public DecodedSegment {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    if (!(startSeconds >= 0 && endSeconds >= startSeconds)) {
      throw new IllegalArgumentException(
          "need 0 <= start <= end, was " + startSeconds + ".." + endSeconds);
    }
  }
}
