package io.livesubs.jobs.captions;

/**
 * One recognised word with its media time span (milliseconds since stream start).
 *
 * <p>The text is stripped of surrounding whitespace and must be a single token: it may carry
 * punctuation (for example {@code "morning,"}) but no inner whitespace, because the caption code
 * treats a word as the unit that is never split across lines. Immutable and thread-safe.
 *
 * @param text the word as it should be displayed, punctuation included
 * @param startMs media time the word starts, {@code >= 0}
 * @param endMs media time the word ends, {@code >= startMs}
 */
public record TimedWord(String text, long startMs, long endMs) {

  /** Validates and normalises the word; throws {@link IllegalArgumentException} when invalid. */
  public TimedWord {
    if (text == null) {
      throw new IllegalArgumentException("word text must not be null");
    }
    text = text.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("word text must not be blank");
    }
    if (text.codePoints().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "word text must be one token without whitespace: '" + text + "'");
    }
    if (startMs < 0) {
      throw new IllegalArgumentException(
          "word '" + text + "' starts at negative media time " + startMs + " ms");
    }
    if (endMs < startMs) {
      throw new IllegalArgumentException(
          "word '" + text + "' ends (" + endMs + " ms) before it starts (" + startMs + " ms)");
    }
  }
}
