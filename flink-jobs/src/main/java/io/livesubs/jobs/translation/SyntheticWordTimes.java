package io.livesubs.jobs.translation;

import io.livesubs.jobs.captions.TimedWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Invents word times for a translation, which has none: the words are spread over the source
 * phrase's span in proportion to their length. Each word counts its characters (code points) plus
 * one for the following space, so a word's share of the span is its share of the spoken text; a
 * word starts where the previous one's share ends and ends after its own characters (the space's
 * share is the pause). Word order across languages differs, so nothing finer is honest without an
 * alignment model. Stateless and thread-safe.
 */
public final class SyntheticWordTimes {

  private SyntheticWordTimes() {}

  /**
   * The whitespace-separated words of {@code text}, timed within {@code [startMs, endMs]}.
   *
   * @return the words in order, each inside the span, starts non-decreasing; empty for blank text
   * @throws IllegalArgumentException when the span is negative or ends before it starts
   */
  public static List<TimedWord> spread(String text, long startMs, long endMs) {
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException("bad span " + startMs + ".." + endMs + " ms");
    }
    String stripped = text == null ? "" : text.strip();
    if (stripped.isEmpty()) {
      return List.of();
    }
    String[] tokens = stripped.split("\\s+");
    long total = 0;
    for (String token : tokens) {
      total += token.codePointCount(0, token.length()) + 1;
    }
    total--; // no space after the last word: it ends at the span's end
    long span = endMs - startMs;
    List<TimedWord> words = new ArrayList<>(tokens.length);
    long before = 0;
    for (String token : tokens) {
      int length = token.codePointCount(0, token.length());
      long start = startMs + span * before / total;
      long end = startMs + span * (before + length) / total;
      words.add(new TimedWord(token, start, end));
      before += length + 1;
    }
    return words;
  }
}
