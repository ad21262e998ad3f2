package io.livesubs.jobs.captions;

import java.util.Locale;
import java.util.Set;

/**
 * How natural a break between two adjacent words is, for line breaks and for cue cuts.
 *
 * <p>The ranking follows common subtitling guidance: break after the end of a sentence, then after
 * clause punctuation, then before a conjunction or a preposition; avoid leaving an article,
 * determiner, preposition or conjunction at the end of a line or cue. Punctuation is
 * language-neutral; the word lists are English (other languages fall back to the punctuation and
 * the neutral {@link #PLAIN} rank). Costs are relative weights, lower is better.
 */
enum Boundary {
  /** After {@code . ? ! …}. */
  SENTENCE(0.0, 0.0),
  /** After {@code , ; : – —}. */
  CLAUSE(1.0, 3.0),
  /** Before a coordinating or subordinating conjunction or a relative pronoun. */
  BEFORE_CONJUNCTION(2.0, 5.0),
  /** Before a preposition. */
  BEFORE_PREPOSITION(2.5, 6.0),
  /** Between two ordinary words. */
  PLAIN(4.0, 8.0),
  /** After a word that binds to what follows (article, determiner, preposition, conjunction). */
  AFTER_WEAK(7.0, 14.0);

  private static final Set<String> CONJUNCTIONS =
      Set.of(
          "and",
          "but",
          "or",
          "nor",
          "so",
          "yet",
          "because",
          "although",
          "though",
          "while",
          "whereas",
          "unless",
          "until",
          "if",
          "when",
          "whenever",
          "where",
          "since",
          "than",
          "whether",
          "that",
          "which",
          "who",
          "whom",
          "whose",
          "what");

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "of", "to", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto",
          "over", "under", "after", "before", "between", "through", "during", "without", "within",
          "against", "among", "around", "across", "behind", "beyond", "toward", "towards", "upon",
          "like", "near", "along", "as");

  private static final Set<String> DETERMINERS =
      Set.of(
          "a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "these",
          "those", "some", "any", "every", "each", "mr.", "mrs.", "ms.", "dr.", "st.");

  private static final Set<String> ABBREVIATIONS =
      Set.of("mr.", "mrs.", "ms.", "dr.", "st.", "vs.", "e.g.", "i.e.", "prof.");

  private static final String CLOSERS = "\"'”’»)]}";

  private final double lineCost;
  private final double cutCost;

  Boundary(double lineCost, double cutCost) {
    this.lineCost = lineCost;
    this.cutCost = cutCost;
  }

  /** Relative cost of ending a line at this boundary. */
  double lineCost() {
    return lineCost;
  }

  /** Relative cost of ending a cue at this boundary, before any pause bonus. */
  double cutCost() {
    return cutCost;
  }

  /** Classifies the boundary between {@code before} and {@code after}. */
  static Boundary between(String before, String after) {
    char last = lastSignificantChar(before);
    if ((last == '.' || last == '?' || last == '!' || last == '…') && !isAbbreviation(before)) {
      return SENTENCE;
    }
    if (last == ',' || last == ';' || last == ':' || last == '–' || last == '—') {
      return CLAUSE;
    }
    String head = bare(before);
    if (CONJUNCTIONS.contains(head)
        || PREPOSITIONS.contains(head)
        || DETERMINERS.contains(before.toLowerCase(Locale.ROOT))
        || DETERMINERS.contains(head)) {
      return AFTER_WEAK;
    }
    String next = bare(after);
    if (CONJUNCTIONS.contains(next)) {
      return BEFORE_CONJUNCTION;
    }
    if (PREPOSITIONS.contains(next)) {
      return BEFORE_PREPOSITION;
    }
    return PLAIN;
  }

  private static boolean isAbbreviation(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    // A single letter with a full stop ("J.") is an initial, not a sentence end.
    return ABBREVIATIONS.contains(lower)
        || (lower.length() == 2 && Character.isLetter(lower.charAt(0)) && lower.charAt(1) == '.');
  }

  /** The last character that is not a closing quote or bracket, or 0 for none. */
  private static char lastSignificantChar(String word) {
    for (int i = word.length() - 1; i >= 0; i--) {
      char c = word.charAt(i);
      if (CLOSERS.indexOf(c) < 0) {
        return c;
      }
    }
    return 0;
  }

  /** The word lower-cased without leading or trailing characters that are not letters/digits. */
  private static String bare(String word) {
    int from = 0;
    int to = word.length();
    while (from < to && !Character.isLetterOrDigit(word.charAt(from))) {
      from++;
    }
    while (to > from && !Character.isLetterOrDigit(word.charAt(to - 1))) {
      to--;
    }
    return word.substring(from, to).toLowerCase(Locale.ROOT);
  }
}
