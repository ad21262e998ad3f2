package io.livesubs.inference.asr;

import java.util.Objects;

/**
 * One recognised word with its media time span. Immutable.
 *
 * @param text the word as the engine spells it (no surrounding whitespace)
 * @param startMs absolute media time of the word's start, ms from stream start
 * @param endMs absolute media time of the word's end, ms from stream start (>= startMs)
 * @param confidence engine confidence in [0, 1]
 */
public record Word(String text, long startMs, long endMs, float confidence) {
  /** Validates the components. */
  public Word {
    Objects.requireNonNull(text, "text");
    if (text.isBlank() || !text.strip().equals(text)) {
      throw new IllegalArgumentException("Word text must be non-blank and trimmed: '" + text + "'");
    }
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "Word '" + text + "' needs 0 <= startMs <= endMs, was " + startMs + ".." + endMs);
    }
    if (!(confidence >= 0f && confidence <= 1f)) {
      throw new IllegalArgumentException(
          "Word '" + text + "' confidence must be in [0, 1], was " + confidence);
    }
  }
}
