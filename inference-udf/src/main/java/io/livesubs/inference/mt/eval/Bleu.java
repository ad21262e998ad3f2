package io.livesubs.inference.mt.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Corpus-level BLEU as sacreBLEU 2.x computes it with its defaults ({@code
 * nrefs:N|case:mixed|eff:no|tok:13a|smooth:exp}): {@link Tokenizer13a 13a} tokens, clipped n-gram
 * matches for n = 1..4 summed over the corpus, the geometric mean of the four precisions, and the
 * brevity penalty {@code exp(1 - r/c)} when the hypotheses (length c) are shorter than the
 * references (length r; per sentence the reference length closest to the hypothesis, the shorter
 * one on a tie).
 *
 * <p>Smoothing: {@link Smoothing#EXP} (sacreBLEU's default for corpus BLEU, mteval-v13a's method)
 * replaces the k-th zero match count by {@code 1 / 2^k}; {@link Smoothing#NONE} leaves it zero,
 * which makes the score 0. Either way the score is 0 when nothing matches at all or when the
 * hypotheses are too short to have any n-gram of some order. Trailing whitespace of each sentence
 * is dropped before tokenising, as sacreBLEU does.
 *
 * <p>Immutable and thread-safe.
 */
public final class Bleu {

  /** Longest n-gram. */
  public static final int MAX_ORDER = 4;

  /** Stands in for log(0), as sacreBLEU's {@code my_log}. */
  private static final double LOG_ZERO = -9999999999.0;

  /** How zero n-gram match counts enter the score. */
  public enum Smoothing {
    /** No smoothing: any order without a match gives BLEU 0. */
    NONE,
    /** The k-th order without a match counts as {@code 1/2^k} matches (sacreBLEU's default). */
    EXP
  }

  private final Smoothing smoothing;

  private Bleu(Smoothing smoothing) {
    this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
  }

  /** BLEU with sacreBLEU's defaults (13a tokens, exp smoothing). */
  public static Bleu sacreBleu() {
    return new Bleu(Smoothing.EXP);
  }

  /** BLEU with the given smoothing. */
  public static Bleu withSmoothing(Smoothing smoothing) {
    return new Bleu(smoothing);
  }

  /**
   * BLEU of {@code hypotheses} against one reference each.
   *
   * @throws IllegalArgumentException if the lists differ in length or a reference is empty
   */
  public BleuScore corpusScore(List<String> hypotheses, List<String> references) {
    return corpusScoreMultiRef(hypotheses, List.of(references));
  }

  /**
   * BLEU of {@code hypotheses} against several reference streams (each as long as {@code
   * hypotheses}); an empty or null reference means that sentence has fewer references.
   *
   * @throws IllegalArgumentException if lengths differ or a sentence has no reference at all
   */
  public BleuScore corpusScoreMultiRef(
      List<String> hypotheses, List<? extends List<String>> referenceStreams) {
    List<List<String>> refs = Corpus.transpose(hypotheses, referenceStreams);
    long[] matches = new long[MAX_ORDER];
    long[] totals = new long[MAX_ORDER];
    long hypLength = 0;
    long refLength = 0;
    for (int i = 0; i < hypotheses.size(); i++) {
      List<String> hyp = Tokenizer13a.tokens(PythonText.rstrip(hypotheses.get(i)));
      Map<String, Integer> refCounts = new HashMap<>();
      int closest = -1;
      for (String ref : refs.get(i)) {
        List<String> tokens = Tokenizer13a.tokens(PythonText.rstrip(ref));
        int diff = Math.abs(hyp.size() - tokens.size());
        int best = Math.abs(hyp.size() - closest);
        if (closest < 0 || diff < best || (diff == best && tokens.size() < closest)) {
          closest = tokens.size();
        }
        ngrams(tokens).forEach((g, c) -> refCounts.merge(g, c, Math::max));
      }
      hypLength += hyp.size();
      refLength += closest;
      for (Map.Entry<String, Integer> e : ngrams(hyp).entrySet()) {
        int order = order(e.getKey());
        totals[order - 1] += e.getValue();
        matches[order - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
      }
    }
    return score(matches, totals, hypLength, refLength);
  }

  private BleuScore score(long[] matches, long[] totals, long hypLength, long refLength) {
    double bp;
    if (hypLength < refLength) {
      bp = hypLength > 0 ? Math.exp(1.0 - (double) refLength / hypLength) : 0.0;
    } else {
      bp = 1.0;
    }
    double[] precisions = new double[MAX_ORDER];
    boolean anyMatch = false;
    for (long m : matches) {
      anyMatch |= m > 0;
    }
    double score = 0.0;
    if (anyMatch) {
      double smoothDenominator = 1.0;
      for (int n = 0; n < MAX_ORDER && totals[n] > 0; n++) {
        if (matches[n] > 0) {
          precisions[n] = 100.0 * matches[n] / totals[n];
        } else if (smoothing == Smoothing.EXP) {
          smoothDenominator *= 2;
          precisions[n] = 100.0 / (smoothDenominator * totals[n]);
        }
      }
      double logSum = 0.0;
      for (double p : precisions) {
        logSum += p > 0 ? Math.log(p) : LOG_ZERO;
      }
      score = bp * Math.exp(logSum / MAX_ORDER);
    }
    return new BleuScore(
        score, toList(precisions), bp, hypLength, refLength, toList(matches), toList(totals));
  }

  /** All n-grams of orders 1..4, as tokens joined by one space, with their counts. */
  private static Map<String, Integer> ngrams(List<String> tokens) {
    Map<String, Integer> counts = new HashMap<>();
    for (int n = 1; n <= MAX_ORDER; n++) {
      for (int i = 0; i + n <= tokens.size(); i++) {
        counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static int order(String ngram) {
    int n = 1;
    for (int i = 0; i < ngram.length(); i++) {
      if (ngram.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }

  private static List<Long> toList(long[] values) {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }
}
