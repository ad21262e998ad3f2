package io.livesubs.app.bench;

/**
 * Finds the most live streams that keep a flat lag, with few trials: from a starting guess (the
 * batch curve's prediction), doubling while trials keep up, or halving while they do not, then
 * bisecting between the largest count that kept up and the smallest that did not until the gap is
 * at most {@code max(1, found / 8)} (1/8 resolution: each trial costs a full live run). Assumes
 * keeping up is monotone in the stream count. Stateless.
 */
final class WhisperStreamSearch {

  /** Whether {@code streams} live streams keep up; may run a trial. */
  @FunctionalInterface
  interface Probe {
    boolean keepsUp(int streams) throws InterruptedException;
  }

  private WhisperStreamSearch() {}

  /**
   * The most streams from 1 to {@code max} that keep up, or 0 when a single stream does not.
   *
   * @param start the first count to try (clamped to 1..max)
   */
  static int search(int start, int max, Probe probe) throws InterruptedException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1, got " + max);
    }
    int good = 0;
    int bad = max + 1;
    int n = Math.max(1, Math.min(max, start));
    if (probe.keepsUp(n)) {
      good = n;
      while (good < max) {
        n = (int) Math.min(max, 2L * good);
        if (probe.keepsUp(n)) {
          good = n;
        } else {
          bad = n;
          break;
        }
      }
    } else {
      bad = n;
      while (bad > 1) {
        n = Math.max(1, bad / 2);
        if (probe.keepsUp(n)) {
          good = n;
          break;
        }
        bad = n;
      }
    }
    while (bad - good > Math.max(1, good / 8)) {
      int mid = good + (bad - good) / 2;
      if (probe.keepsUp(mid)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return good;
  }
}
