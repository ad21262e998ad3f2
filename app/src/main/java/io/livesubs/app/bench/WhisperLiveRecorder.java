package io.livesubs.app.bench;

import io.livesubs.app.demo.LatencyStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the streams of one Whisper live trial measured: every decoded window's latency (also a lag
 * sample, in time order for {@link FlatLag}), every segment's final-commit latency, and the first
 * failure. Thread-safe: streams record concurrently, the trial reads after they stopped.
 */
final class WhisperLiveRecorder {

  private final List<FlatLag.Sample> lags = new ArrayList<>();
  private final List<Long> windowNanos = new ArrayList<>();
  private final List<Long> finalNanos = new ArrayList<>();
  private RuntimeException failure;

  /**
   * A decoded window.
   *
   * @param atNanos when, from the start of the phase
   * @param latencyNanos its latency after its last sample became available
   */
  synchronized void window(long atNanos, long latencyNanos) {
    lags.add(new FlatLag.Sample(atNanos / 1e9, latencyNanos / 1e9));
    windowNanos.add(latencyNanos);
  }

  /** A segment's final commit, {@code latencyNanos} after its last sample became available. */
  synchronized void finalCommit(long latencyNanos) {
    finalNanos.add(latencyNanos);
  }

  /** A stream failed; the first failure is kept. */
  synchronized void failed(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** The first failure, or null. */
  synchronized RuntimeException failure() {
    return failure;
  }

  /** Lag samples in time order. */
  synchronized List<FlatLag.Sample> lagSamples() {
    List<FlatLag.Sample> sorted = new ArrayList<>(lags);
    sorted.sort(Comparator.comparingDouble(FlatLag.Sample::atSeconds));
    return sorted;
  }

  /** Window latencies in milliseconds. */
  synchronized LatencyStats windows() {
    return stats(windowNanos);
  }

  /** Final-commit latencies in milliseconds. */
  synchronized LatencyStats finals() {
    return stats(finalNanos);
  }

  private static LatencyStats stats(List<Long> nanos) {
    return LatencyStats.of(nanos.stream().mapToLong(n -> Math.round(n / 1e6)).toArray());
  }
}
