package io.livesubs.jobs.captions;

import java.util.ArrayList;
import java.util.List;

/**
 * Words prepared for line layout: each word is one piece, except a word longer than the line limit,
 * which becomes several glued pieces (joined without a space) of at most the line limit. Offers the
 * length arithmetic the layout search needs. Immutable.
 */
final class PiecedText {

  private record Piece(String text, int length, boolean glued, String word) {}

  private final List<Piece> pieces;
  private final int maxChars;
  private final int[] lengthPrefix;
  private final int[] separatorPrefix;
  private final int[] greedyLines;
  private final int[] sentenceEndPrefix;

  private PiecedText(List<Piece> pieces, int maxChars) {
    this.pieces = pieces;
    this.maxChars = maxChars;
    int m = pieces.size();
    lengthPrefix = new int[m + 1];
    separatorPrefix = new int[m + 1];
    for (int i = 0; i < m; i++) {
      lengthPrefix[i + 1] = lengthPrefix[i] + pieces.get(i).length();
      boolean separated = i > 0 && !pieces.get(i).glued();
      separatorPrefix[i + 1] = separatorPrefix[i] + (separated ? 1 : 0);
    }
    // sentenceEndPrefix[i] counts the sentence ends after pieces 0..i-1 that have a next piece.
    sentenceEndPrefix = new int[m + 1];
    for (int i = 0; i < m; i++) {
      boolean end = i + 1 < m && boundaryAfter(i) == Boundary.SENTENCE;
      sentenceEndPrefix[i + 1] = sentenceEndPrefix[i] + (end ? 1 : 0);
    }
    greedyLines = new int[m + 1];
    for (int from = m - 1; from >= 0; from--) {
      int to = from;
      while (to + 1 < m && lineLength(from, to + 1) <= maxChars) {
        to++;
      }
      greedyLines[from] = 1 + greedyLines[to + 1];
    }
  }

  /** Splits text on runs of whitespace; blank text gives no words. */
  static List<String> splitWords(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
  }

  /**
   * Validates the words and cuts overlong ones into glued pieces of {@code maxChars} characters.
   *
   * @throws IllegalArgumentException naming the position of a null, blank or whitespace-holding
   *     word
   */
  static PiecedText of(List<String> words, int maxChars) {
    if (words == null) {
      throw new IllegalArgumentException("words must not be null");
    }
    List<Piece> pieces = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word == null) {
        throw new IllegalArgumentException("word " + i + " is null");
      }
      word = word.strip();
      if (word.isEmpty()) {
        throw new IllegalArgumentException("word " + i + " is blank");
      }
      if (word.codePoints().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("word " + i + " contains whitespace: '" + word + "'");
      }
      int length = LineBreaker.displayLength(word);
      int begin = 0;
      int taken = 0;
      while (taken < length) {
        int n = Math.min(maxChars, length - taken);
        int end = word.offsetByCodePoints(begin, n);
        pieces.add(new Piece(word.substring(begin, end), n, taken > 0, word));
        begin = end;
        taken += n;
      }
    }
    return new PiecedText(List.copyOf(pieces), maxChars);
  }

  boolean isEmpty() {
    return pieces.isEmpty();
  }

  int size() {
    return pieces.size();
  }

  /** Characters of pieces {@code from..to} (inclusive) set on one line. */
  int lineLength(int from, int to) {
    return lengthPrefix[to + 1]
        - lengthPrefix[from]
        + separatorPrefix[to + 1]
        - separatorPrefix[from + 1];
  }

  /** The fewest lines pieces {@code from..} need; greedy filling is optimal for this. */
  int greedyLinesFrom(int from) {
    return greedyLines[from];
  }

  /** Relative cost of breaking the line after piece {@code at}. */
  double breakCost(int at) {
    // A break inside a hard-wrapped word is forced by its length, so it costs nothing.
    return pieces.get(at + 1).glued() ? 0.0 : boundaryAfter(at).lineCost();
  }

  /** How many sentences end inside the line of pieces {@code from..to} (not at its end). */
  int sentenceEndsWithin(int from, int to) {
    return sentenceEndPrefix[to] - sentenceEndPrefix[from];
  }

  /** All pieces filled greedily into lines: each line as full as the limit allows. */
  List<String> greedyLayout() {
    List<String> lines = new ArrayList<>();
    int from = 0;
    while (from < size()) {
      int to = from;
      while (to + 1 < size() && lineLength(from, to + 1) <= maxChars) {
        to++;
      }
      lines.add(render(from, to));
      from = to + 1;
    }
    return lines;
  }

  private Boundary boundaryAfter(int at) {
    Piece next = pieces.get(at + 1);
    return next.glued() ? Boundary.PLAIN : Boundary.between(pieces.get(at).word(), next.word());
  }

  /** Pieces {@code from..to} (inclusive) as one line of text. */
  String render(int from, int to) {
    StringBuilder line = new StringBuilder();
    for (int i = from; i <= to; i++) {
      Piece piece = pieces.get(i);
      if (i > from && !piece.glued()) {
        line.append(' ');
      }
      line.append(piece.text());
    }
    return line.toString();
  }
}
