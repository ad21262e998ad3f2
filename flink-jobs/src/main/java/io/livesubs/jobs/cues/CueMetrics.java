package io.livesubs.jobs.cues;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The metrics of one {@link CueEmitter} subtask. Latency of a cue is its emission wall-clock time
 * minus the capture time of the speech it shows: of the end of its last word (a final cue may stay
 * on screen after the speech, which is no delay), or of the audio recognised so far (a partial
 * cue). Histograms {@code partialCueLatencyMs} and {@code finalCueLatencyMs} over the last {@value
 * #WINDOW} cues, gauges {@code lastPartialCueLatencyMs} and {@code lastFinalCueLatencyMs}, counters
 * {@code partialCues}, {@code finalCues}, {@code committedCues} (final cues made final before their
 * segment ended, included in {@code finalCues}) and {@code withdrawnCues}.
 *
 * <p>Updated from the task thread; read by the metric reporter thread.
 */
final class CueMetrics {

  /** Cues per latency histogram window. */
  static final int WINDOW = 1_000;

  final Counter partialCues;
  final Counter finalCues;
  final Counter committedCues;
  final Counter withdrawnCues;
  private final Histogram partialLatency;
  private final Histogram finalLatency;
  private volatile long lastPartialLatency;
  private volatile long lastFinalLatency;

  CueMetrics(MetricGroup group) {
    partialCues = group.counter("partialCues");
    finalCues = group.counter("finalCues");
    committedCues = group.counter("committedCues");
    withdrawnCues = group.counter("withdrawnCues");
    partialLatency =
        group.histogram("partialCueLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
    finalLatency = group.histogram("finalCueLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
    group.gauge("lastPartialCueLatencyMs", (Gauge<Long>) () -> lastPartialLatency);
    group.gauge("lastFinalCueLatencyMs", (Gauge<Long>) () -> lastFinalLatency);
  }

  /** A partial cue went out {@code latencyMs} after its audio was captured. */
  void partial(long latencyMs) {
    partialCues.inc();
    partialLatency.update(latencyMs);
    lastPartialLatency = latencyMs;
  }

  /** A final cue went out {@code latencyMs} after its last word was captured. */
  void finalCue(long latencyMs) {
    finalCues.inc();
    finalLatency.update(latencyMs);
    lastFinalLatency = latencyMs;
  }
}
