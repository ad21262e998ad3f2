package io.livesubs.inference.asr.whisper.decoding;

/** Numerically stable log-softmax helpers over float logits (negative infinity = masked). */
final class LogMath {
  private LogMath() {}

  /** {@code log(sum(exp(x[from..to))))}; negative infinity when every entry is masked. */
  static double logSumExp(float[] x, int from, int to) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    if (max == Float.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += Math.exp(x[i] - max);
    }
    return max + Math.log(sum);
  }

  /** Index of the largest entry in {@code x[from..to)}; the first one on ties; -1 if empty. */
  static int argMax(float[] x, int from, int to) {
    int best = -1;
    float bestValue = Float.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (best < 0 || x[i] > bestValue) {
        best = i;
        bestValue = x[i];
      }
    }
    return best;
  }

  /** Largest entry of {@code x[from..to)}; negative infinity if empty. */
  static float max(float[] x, int from, int to) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      max = Math.max(max, x[i]);
    }
    return max;
  }
}
