package io.livesubs.inference.eval;

/**
 * Word-level edit counts of a hypothesis against a reference. Immutable; add counts of several
 * utterances with {@link #plus} to get a corpus error rate.
 *
 * @param substitutions reference words replaced by another word
 * @param deletions reference words missing from the hypothesis
 * @param insertions hypothesis words with no reference word
 * @param referenceWords words in the reference
 */
public record ErrorCounts(int substitutions, int deletions, int insertions, int referenceWords) {
  /** No words, no errors. */
  public static final ErrorCounts ZERO = new ErrorCounts(0, 0, 0, 0);

  /** Validates the components. */
  public ErrorCounts {
    if (substitutions < 0 || deletions < 0 || insertions < 0 || referenceWords < 0) {
      throw new IllegalArgumentException("Counts must be >= 0");
    }
    if (substitutions + deletions > referenceWords) {
      throw new IllegalArgumentException("More substitutions + deletions than reference words");
    }
  }

  /** Substitutions + deletions + insertions. */
  public int errors() {
    return substitutions + deletions + insertions;
  }

  /**
   * Word error rate: errors / reference words. With an empty reference it is 0 when the hypothesis
   * is empty too and positive infinity otherwise.
   */
  public double rate() {
    if (referenceWords == 0) {
      return errors() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
    return (double) errors() / referenceWords;
  }

  /** The sum of both counts. */
  public ErrorCounts plus(ErrorCounts other) {
    return new ErrorCounts(
        substitutions + other.substitutions,
        deletions + other.deletions,
        insertions + other.insertions,
        referenceWords + other.referenceWords);
  }
}
