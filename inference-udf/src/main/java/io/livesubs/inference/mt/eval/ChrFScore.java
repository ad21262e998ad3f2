package io.livesubs.inference.mt.eval;

/**
 * A corpus chrF score. Immutable.
 *
 * @param score chrF in 0..100
 * @param beta weight of recall over precision (2 for chrF2)
 * @param charOrder longest character n-gram
 */
public record ChrFScore(double score, double beta, int charOrder) {

  /** The score with two decimals, e.g. {@code 59.73} (rounded as sacreBLEU prints it). */
  public String formatted() {
    return Corpus.twoDecimals(score);
  }
}
