package io.livesubs.app.demo;

import java.util.Arrays;

/**
 * Percentiles of latencies in milliseconds (nearest-rank: the p-th percentile is the smallest value
 * with at least p % of the values at or below it). Immutable.
 *
 * @param count number of values
 * @param p50Ms median, or 0 without values
 * @param p95Ms 95th percentile, or 0 without values
 * @param maxMs largest value, or 0 without values
 */
public record LatencyStats(int count, long p50Ms, long p95Ms, long maxMs) {

  /** No values. */
  public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0);

  /** The statistics of {@code values} (not modified). */
  public static LatencyStats of(long[] values) {
    if (values.length == 0) {
      return EMPTY;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new LatencyStats(
        sorted.length, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
  }

  /** Nearest-rank percentile of sorted, non-empty {@code values}. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
