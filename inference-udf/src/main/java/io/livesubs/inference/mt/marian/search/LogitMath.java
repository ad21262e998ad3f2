package io.livesubs.inference.mt.marian.search;

import java.util.Arrays;

/**
 * Token choice over one row of logits ({@code logits[from .. from + vocab)}), skipping banned
 * tokens. Ties go to the lower token id everywhere, so that greedy decoding and a beam of one pick
 * the same tokens. Stateless.
 */
final class LogitMath {
  private LogitMath() {}

  /** The best token of the row (lowest id among equals). */
  static int argmax(float[] logits, int from, int vocab, boolean[] banned) {
    int best = -1;
    float bestValue = Float.NEGATIVE_INFINITY;
    for (int t = 0; t < vocab; t++) {
      float v = logits[from + t];
      if (!banned[t] && (best < 0 || v > bestValue)) {
        best = t;
        bestValue = v;
      }
    }
    return best;
  }

  /**
   * The {@code k} best tokens of the row, best first (by logit, then lower id), fewer if the
   * vocabulary has fewer allowed tokens.
   */
  static int[] topK(float[] logits, int from, int vocab, boolean[] banned, int k) {
    int[] top = new int[k];
    int size = 0;
    for (int t = 0; t < vocab; t++) {
      if (banned[t]) {
        continue;
      }
      float v = logits[from + t];
      if (size == k && !(v > logits[from + top[k - 1]])) {
        continue;
      }
      // Insert after every kept token that is at least as good (they have lower ids).
      int at = Math.min(size, k - 1);
      while (at > 0 && v > logits[from + top[at - 1]]) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = t;
      size = Math.min(k, size + 1);
    }
    return size == k ? top : Arrays.copyOf(top, size);
  }

  /** log(sum(exp(logit))) over the allowed tokens of the row, in double. */
  static double logSumExp(float[] logits, int from, int vocab, boolean[] banned) {
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < vocab; t++) {
      if (!banned[t]) {
        max = Math.max(max, logits[from + t]);
      }
    }
    double sum = 0;
    for (int t = 0; t < vocab; t++) {
      if (!banned[t]) {
        sum += Math.exp(logits[from + t] - max);
      }
    }
    return max + Math.log(sum);
  }
}
