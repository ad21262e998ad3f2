package io.livesubs.app.bench;

import java.util.List;

/**
 * Whether a job keeps up with live streams, decided from its lag behind live sampled over time: in
 * the last third of the sampling period, the slope of a least-squares line through the lag must be
 * below {@value #MAX_SLOPE} s per s (a job that falls behind gains lag at a steady rate; one that
 * keeps up only wobbles around a constant), and the largest lag must stay below {@value
 * #MAX_LAG_SECONDS} s (a job can be flat and still hopelessly late). The first two thirds are left
 * out because the job may still be catching up with its start. Stateless and thread-safe.
 */
final class FlatLag {

  /** Steepest slope of lag over time, in seconds per second, that counts as flat. */
  static final double MAX_SLOPE = 0.05;

  /** Largest lag in the last third that still counts as keeping up with live, in seconds. */
  static final double MAX_LAG_SECONDS = 3.0;

  /** Fewest samples in the last third for a decision. */
  static final int MIN_SAMPLES = 3;

  private FlatLag() {}

  /**
   * One sample of lag behind live.
   *
   * @param atSeconds when it was taken, seconds from the start of the phase
   * @param lagSeconds the lag
   */
  record Sample(double atSeconds, double lagSeconds) {}

  /**
   * The decision and what it rests on. Immutable.
   *
   * @param flat whether the lag is flat
   * @param slope slope of the fit over the last third, seconds per second; NaN without a decision
   * @param maxLagSeconds largest lag in the last third; NaN without samples
   * @param samples samples in the last third
   * @param reason why it is or is not flat, in words
   */
  record Verdict(boolean flat, double slope, double maxLagSeconds, int samples, String reason) {}

  /** Decides on {@code samples}, taken in time order. */
  static Verdict decide(List<Sample> samples) {
    if (samples.isEmpty()) {
      return new Verdict(false, Double.NaN, Double.NaN, 0, "no lag samples");
    }
    double first = samples.get(0).atSeconds();
    double last = samples.get(samples.size() - 1).atSeconds();
    double from = first + (last - first) * 2 / 3;
    List<Sample> tail = samples.stream().filter(s -> s.atSeconds() >= from).toList();
    double maxLag = tail.stream().mapToDouble(Sample::lagSeconds).max().orElse(Double.NaN);
    if (tail.size() < MIN_SAMPLES) {
      return new Verdict(
          false,
          Double.NaN,
          maxLag,
          tail.size(),
          "only " + tail.size() + " samples in the last third (need " + MIN_SAMPLES + ")");
    }
    double slope = slope(tail);
    boolean flat = slope < MAX_SLOPE && maxLag < MAX_LAG_SECONDS;
    String reason =
        flat
            ? "slope < " + MAX_SLOPE + " s/s and lag < " + MAX_LAG_SECONDS + " s"
            : slope >= MAX_SLOPE
                ? "lag grows (slope >= " + MAX_SLOPE + " s/s)"
                : "lag too large (>= " + MAX_LAG_SECONDS + " s)";
    return new Verdict(flat, slope, maxLag, tail.size(), reason);
  }

  /** Least-squares slope of lag over time; 0 when all samples were taken at the same time. */
  static double slope(List<Sample> samples) {
    double meanT = samples.stream().mapToDouble(Sample::atSeconds).average().orElse(0);
    double meanLag = samples.stream().mapToDouble(Sample::lagSeconds).average().orElse(0);
    double covariance = 0;
    double variance = 0;
    for (Sample s : samples) {
      covariance += (s.atSeconds() - meanT) * (s.lagSeconds() - meanLag);
      variance += (s.atSeconds() - meanT) * (s.atSeconds() - meanT);
    }
    return variance == 0 ? 0 : covariance / variance;
  }
}
