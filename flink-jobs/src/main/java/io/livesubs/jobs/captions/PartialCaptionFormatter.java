package io.livesubs.jobs.captions;

import java.io.Serializable;
import java.util.List;

/**
 * Formats a partial (still changing) ASR hypothesis as the live caption lines that update in place:
 * the longest tail of the hypothesis that fits in {@code maxLines} lines of {@code maxCharsPerLine}
 * characters, broken like final cues (see {@link LineBreaker}). Older words scroll off the top as
 * the hypothesis grows; when the phrase is final, {@link CueShaper} replaces the partial lines with
 * properly segmented cues.
 *
 * <p>Immutable and thread-safe.
 */
public final class PartialCaptionFormatter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LineBreaker breaker;

  /** A formatter for the line limits of {@code rules}. */
  public PartialCaptionFormatter(ShapingRules rules) {
    if (rules == null) {
      throw new IllegalArgumentException("rules must not be null");
    }
    this.breaker = LineBreaker.forRules(rules);
  }

  /**
   * The lines showing the tail of a hypothesis given as whitespace-separated text.
   *
   * @return 1 to {@code maxLines} lines, or no lines for blank text
   * @throws IllegalArgumentException when text is null
   */
  public List<String> format(String hypothesis) {
    return breaker.rollUp(PiecedText.splitWords(hypothesis));
  }

  /** The lines showing the tail of a hypothesis given as timed words. */
  public List<String> formatWords(List<TimedWord> words) {
    if (words == null) {
      throw new IllegalArgumentException("words must not be null");
    }
    return breaker.rollUp(words.stream().map(TimedWord::text).toList());
  }
}
