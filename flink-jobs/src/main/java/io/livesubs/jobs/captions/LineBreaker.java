package io.livesubs.jobs.captions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Breaks caption text into display lines of at most {@code maxCharsPerLine} characters (Unicode
 * code points) and at most {@code maxLines} lines.
 *
 * <p>Guarantees: the fewest lines that the text needs are used (text that fits on one line stays on
 * one line); words are never split, and the words keep their order, joined by single spaces. Among
 * the layouts with that many lines, a scored search picks the one that breaks at the most natural
 * places (after sentence or clause punctuation, before conjunctions and prepositions, never right
 * after an article or preposition when avoidable, preferably not with a sentence ending inside a
 * line) with the most even line lengths; between otherwise equal layouts a bottom-heavy one
 * (shorter upper line) wins.
 *
 * <p>Exception: a single word longer than {@code maxCharsPerLine} cannot be kept whole; it is
 * hard-wrapped into pieces of exactly {@code maxCharsPerLine} characters (the last piece shorter),
 * without a hyphen, and the pieces are then laid out like words that must stay adjacent.
 *
 * <p>Immutable and thread-safe.
 */
public final class LineBreaker implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final double RAGGEDNESS_WEIGHT = 8.0;
  private static final double TOP_HEAVY_WEIGHT = 2.0;
  private static final double SENTENCE_END_WITHIN_LINE_COST = 1.5;

  private final int maxCharsPerLine;
  private final int maxLines;

  /**
   * A breaker for the given limits.
   *
   * @throws IllegalArgumentException when a limit is outside the range {@link ShapingRules} accepts
   */
  public LineBreaker(int maxCharsPerLine, int maxLines) {
    // Reuse the rules' validation so the accepted ranges cannot drift apart.
    ShapingRules.builder().maxCharsPerLine(maxCharsPerLine).maxLines(maxLines);
    this.maxCharsPerLine = maxCharsPerLine;
    this.maxLines = maxLines;
  }

  /** A breaker for the line limits of {@code rules}. */
  public static LineBreaker forRules(ShapingRules rules) {
    return new LineBreaker(rules.maxCharsPerLine(), rules.maxLines());
  }

  /** The number of characters a string occupies on screen: its Unicode code points. */
  public static int displayLength(String s) {
    return s.codePointCount(0, s.length());
  }

  /** The line-length limit. */
  public int maxCharsPerLine() {
    return maxCharsPerLine;
  }

  /** The line-count limit. */
  public int maxLines() {
    return maxLines;
  }

  /**
   * Breaks whitespace-separated text into lines.
   *
   * @return the lines (empty for blank text), or empty when the text needs more than {@code
   *     maxLines} lines
   */
  public Optional<List<String>> breakText(String text) {
    return breakWords(PiecedText.splitWords(text));
  }

  /**
   * Breaks a sequence of words into lines.
   *
   * @param words words without whitespace inside (surrounding whitespace is stripped)
   * @return the lines (empty for no words), or empty when the words need more than {@code maxLines}
   *     lines
   * @throws IllegalArgumentException when a word is null, blank or contains whitespace
   */
  public Optional<List<String>> breakWords(List<String> words) {
    return layout(words).map(Layout::lines);
  }

  /** Whether the words fit in {@code maxLines} lines. */
  public boolean fits(List<String> words) {
    return linesNeeded(words) <= maxLines;
  }

  /** The fewest lines of {@code maxCharsPerLine} characters the words need (no line limit). */
  public int linesNeeded(List<String> words) {
    PiecedText text = PiecedText.of(words, maxCharsPerLine);
    return text.isEmpty() ? 0 : text.greedyLinesFrom(0);
  }

  /**
   * Roll-up layout for live text that grows at the end: all words filled greedily into full lines
   * from the start, of which the last {@code maxLines} are returned. Greedy filling is
   * prefix-stable: appending words never changes a completed line, so lines only scroll up, they do
   * not re-flow while the viewer reads them.
   */
  public List<String> rollUp(List<String> words) {
    List<String> lines = PiecedText.of(words, maxCharsPerLine).greedyLayout();
    return List.copyOf(lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }

  /** The best layout and its cost, or empty when the words need more than {@code maxLines}. */
  Optional<Layout> layout(List<String> words) {
    PiecedText text = PiecedText.of(words, maxCharsPerLine);
    if (text.isEmpty()) {
      return Optional.of(new Layout(List.of(), 0.0));
    }
    if (text.greedyLinesFrom(0) > maxLines) {
      return Optional.empty();
    }
    return Optional.of(search(text));
  }

  /** Scored search over layouts with the minimum line count; the text must fit. */
  private Layout search(PiecedText text) {
    int lines = text.greedyLinesFrom(0);
    if (lines == 1) {
      int last = text.size() - 1;
      return new Layout(
          List.of(text.render(0, last)),
          SENTENCE_END_WITHIN_LINE_COST * text.sentenceEndsWithin(0, last));
    }
    return new Search(text, lines).run();
  }

  /** A chosen layout: the lines and the relative cost the search gave it (lower is better). */
  record Layout(List<String> lines, double cost) {
    Layout {
      lines = List.copyOf(lines);
    }

    /** Characters on screen, excluding line breaks. */
    int chars() {
      return lines.stream().mapToInt(LineBreaker::displayLength).sum();
    }
  }

  /**
   * Dynamic programme over (first piece of a line, lines left, length of the line above). The
   * length of the line above is part of the state because the bottom-heavy preference compares
   * adjacent lines.
   */
  private final class Search {
    private final PiecedText text;
    private final int lines;
    private final double target;
    private final double[][][] memo;
    private final int[][][] choice;

    Search(PiecedText text, int lines) {
      this.text = text;
      this.lines = lines;
      // Each break removes one separator space, except inside a hard-wrapped word; close enough.
      this.target = (text.lineLength(0, text.size() - 1) - (lines - 1)) / (double) lines;
      this.memo = new double[text.size()][lines + 1][maxCharsPerLine + 1];
      this.choice = new int[text.size()][lines + 1][maxCharsPerLine + 1];
      for (double[][] plane : memo) {
        for (double[] row : plane) {
          Arrays.fill(row, Double.NaN);
        }
      }
    }

    Layout run() {
      double cost = best(0, lines, 0);
      List<String> out = new ArrayList<>(lines);
      int from = 0;
      int above = 0;
      for (int left = lines; left > 1; left--) {
        int to = choice[from][left][above];
        out.add(text.render(from, to));
        above = text.lineLength(from, to);
        from = to + 1;
      }
      out.add(text.render(from, text.size() - 1));
      return new Layout(out, cost);
    }

    private double best(int from, int left, int above) {
      if (left == 1) {
        int len = text.lineLength(from, text.size() - 1);
        int to = text.size() - 1;
        return len <= maxCharsPerLine ? lineCost(from, to, len, above) : Double.POSITIVE_INFINITY;
      }
      double cached = memo[from][left][above];
      if (!Double.isNaN(cached)) {
        return cached;
      }
      double bestCost = Double.POSITIVE_INFINITY;
      int bestEnd = -1;
      for (int to = from; to < text.size() - 1; to++) {
        int len = text.lineLength(from, to);
        if (len > maxCharsPerLine) {
          break;
        }
        if (text.greedyLinesFrom(to + 1) > left - 1) {
          continue;
        }
        double cost =
            lineCost(from, to, len, above) + text.breakCost(to) + best(to + 1, left - 1, len);
        if (cost < bestCost) {
          bestCost = cost;
          bestEnd = to;
        }
      }
      memo[from][left][above] = bestCost;
      choice[from][left][above] = bestEnd;
      return bestCost;
    }

    private double lineCost(int from, int to, int len, int above) {
      double deviation = (len - target) / maxCharsPerLine;
      double cost = RAGGEDNESS_WEIGHT * deviation * deviation;
      cost += SENTENCE_END_WITHIN_LINE_COST * text.sentenceEndsWithin(from, to);
      if (above > len) {
        cost += TOP_HEAVY_WEIGHT * (above - len) / (double) maxCharsPerLine;
      }
      return cost;
    }
  }
}
