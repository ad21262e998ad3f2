package io.livesubs.inference.asr.whisper.decoding;

import java.util.Objects;

/**
 * A word of a decoded window. Immutable.
 *
 * <p>Times are estimates: Whisper gives times per segment only (its timestamp tokens), so a
 * segment's span is shared among its words in proportion to their lengths in characters. A word is
 * a run of tokens starting at a token that begins with a space (or at the segment start), so
 * punctuation stays with the word before it; scripts written without spaces give one word per
 * segment.
 *
 * @param text the word: non-blank, without whitespace
 * @param startSeconds estimated start within the window
 * @param endSeconds estimated end within the window
 * @param probability geometric mean of its tokens' probabilities, in [0, 1]
 */
public record DecodedWord(String text, double startSeconds, double endSeconds, float probability) {

  /** Validates the components. */
  public DecodedWord {
    Objects.requireNonNull(text, "text");
    if (text.isBlank() || text.codePoints().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "word must be non-blank, without whitespace: '" + text + "'");
    }
    if (!(startSeconds >= 0 && endSeconds >= startSeconds)) {
      throw new IllegalArgumentException(
          "word '" + text + "' needs 0 <= start <= end, was " + startSeconds + ".." + endSeconds);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "word '" + text + "' probability must be in [0, 1], was " + probability);
    }
  }
}
