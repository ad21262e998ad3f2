package io.livesubs.inference.mt.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus-level chrF as sacreBLEU 2.x computes it with its defaults ({@code
 * chrF2|nrefs:N|case:mixed|eff:yes|nc:6|nw:0|space:no}): whitespace is removed, then for each
 * character n-gram order n = 1..6 the hypothesis n-grams, reference n-grams and clipped matches are
 * summed over the corpus. Precision and recall are averaged over the orders where both hypothesis
 * and reference have n-grams (the "effective order"), and the score is {@code (1 + β²)·P·R / (β²·P
 * + R)} in percent.
 *
 * <p>Two details follow sacreBLEU exactly: a sentence's hypothesis n-grams of an order count only
 * if its reference has n-grams of that order, and with several references each sentence takes the
 * statistics of the reference with the best sentence-level score. Characters are Unicode code
 * points.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChrF {

  private final int charOrder;
  private final double beta;

  private ChrF(int charOrder, double beta) {
    if (charOrder < 1 || charOrder > 32) {
      throw new IllegalArgumentException("charOrder must be in 1..32, was " + charOrder);
    }
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be positive, was " + beta);
    }
    this.charOrder = charOrder;
    this.beta = beta;
  }

  /** chrF2 with character n-grams up to 6, as sacreBLEU's default. */
  public static ChrF sacreBleu() {
    return new ChrF(6, 2.0);
  }

  /**
   * chrF with other parameters.
   *
   * @throws IllegalArgumentException if {@code charOrder} is not in 1..32 or {@code beta} is not
   *     positive
   */
  public static ChrF of(int charOrder, double beta) {
    return new ChrF(charOrder, beta);
  }

  /**
   * chrF of {@code hypotheses} against one reference each.
   *
   * @throws IllegalArgumentException if the lists differ in length or a reference is empty
   */
  public ChrFScore corpusScore(List<String> hypotheses, List<String> references) {
    return corpusScoreMultiRef(hypotheses, List.of(references));
  }

  /**
   * chrF of {@code hypotheses} against several reference streams; an empty or null reference means
   * that sentence has fewer references.
   *
   * @throws IllegalArgumentException if lengths differ or a sentence has no reference at all
   */
  public ChrFScore corpusScoreMultiRef(
      List<String> hypotheses, List<? extends List<String>> referenceStreams) {
    List<List<String>> refs = Corpus.transpose(hypotheses, referenceStreams);
    long[] corpus = new long[3 * charOrder];
    for (int i = 0; i < hypotheses.size(); i++) {
      List<Map<String, Integer>> hyp = ngrams(hypotheses.get(i));
      long[] best = null;
      double bestScore = -1.0;
      for (String ref : refs.get(i)) {
        long[] stats = statistics(hyp, ngrams(ref));
        double f = fScore(stats);
        if (f > bestScore) {
          bestScore = f;
          best = stats;
        }
      }
      for (int k = 0; k < corpus.length; k++) {
        corpus[k] += best[k];
      }
    }
    return new ChrFScore(fScore(corpus), beta, charOrder);
  }

  /** Per order n: [hypothesis n-grams, reference n-grams, clipped matches]. */
  private long[] statistics(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
    long[] stats = new long[3 * charOrder];
    for (int n = 0; n < charOrder; n++) {
      long hypCount = 0;
      long refCount = 0;
      long matches = 0;
      Map<String, Integer> r = ref.get(n);
      for (Map.Entry<String, Integer> e : hyp.get(n).entrySet()) {
        hypCount += e.getValue();
        matches += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
      }
      for (int c : r.values()) {
        refCount += c;
      }
      stats[3 * n] = r.isEmpty() ? 0 : hypCount;
      stats[3 * n + 1] = refCount;
      stats[3 * n + 2] = matches;
    }
    return stats;
  }

  private double fScore(long[] stats) {
    double precision = 0.0;
    double recall = 0.0;
    int effectiveOrder = 0;
    for (int n = 0; n < charOrder; n++) {
      long hyp = stats[3 * n];
      long ref = stats[3 * n + 1];
      long match = stats[3 * n + 2];
      if (hyp > 0 && ref > 0) {
        precision += (double) match / hyp;
        recall += (double) match / ref;
        effectiveOrder++;
      }
    }
    if (effectiveOrder == 0) {
      return 0.0;
    }
    precision /= effectiveOrder;
    recall /= effectiveOrder;
    if (precision + recall == 0) {
      return 0.0;
    }
    double b2 = beta * beta;
    return 100.0 * (1 + b2) * precision * recall / (b2 * precision + recall);
  }

  /** Character n-gram counts of orders 1..charOrder, whitespace removed. */
  private List<Map<String, Integer>> ngrams(String sentence) {
    int[] cps = PythonText.codePointsWithoutSpace(sentence);
    Map<String, Integer>[] byOrder = newMaps();
    for (int n = 1; n <= charOrder; n++) {
      for (int i = 0; i + n <= cps.length; i++) {
        byOrder[n - 1].merge(new String(cps, i, n), 1, Integer::sum);
      }
    }
    return List.of(byOrder);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Integer>[] newMaps() {
    Map<String, Integer>[] maps = new Map[charOrder];
    for (int n = 0; n < charOrder; n++) {
      maps[n] = new HashMap<>();
    }
    return maps;
  }
}
