package io.livesubs.inference.mt.eval;

import java.util.List;

/**
 * A corpus BLEU score with its sufficient statistics, as sacreBLEU reports it. Immutable.
 *
 * @param score BLEU in 0..100
 * @param precisions the n-gram precisions in percent (n = 1..4), smoothed where used
 * @param brevityPenalty 1 unless the hypotheses are shorter than the references
 * @param hypLength tokens in all hypotheses
 * @param refLength reference tokens (the closest reference length per sentence)
 * @param matches clipped n-gram matches per order
 * @param totals hypothesis n-grams per order
 */
public record BleuScore(
    double score,
    List<Double> precisions,
    double brevityPenalty,
    long hypLength,
    long refLength,
    List<Long> matches,
    List<Long> totals) {

  /** Copies the lists. */
  public BleuScore {
    precisions = List.copyOf(precisions);
    matches = List.copyOf(matches);
    totals = List.copyOf(totals);
  }

  /** The score with two decimals, e.g. {@code 48.53} (rounded as sacreBLEU prints it). */
  public String formatted() {
    return Corpus.twoDecimals(score);
  }
}
