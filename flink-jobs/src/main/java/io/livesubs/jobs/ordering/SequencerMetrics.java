package io.livesubs.jobs.ordering;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metrics of one {@link ChunkSequencer} subtask. Counters: {@code gaps} (GAP elements emitted),
 * {@code missingChunks} (chunks covered by them), {@code duplicates}, {@code lateChunks} (arrived
 * after their slot was given up or after the stream ended), {@code bufferOverflows} (gaps forced by
 * the buffer bound), {@code streamsEnded}, {@code streamTimeouts}. Gauge: {@code bufferedChunks},
 * chunks this subtask has buffered since it started (not restored state).
 *
 * <p>Used from the subtask's task thread only; the gauge is read by the metric reporter thread,
 * hence the volatile.
 */
final class SequencerMetrics {

  final Counter gaps;
  final Counter missingChunks;
  final Counter duplicates;
  final Counter lateChunks;
  final Counter bufferOverflows;
  final Counter streamsEnded;
  final Counter streamTimeouts;
  private volatile long buffered;

  SequencerMetrics(MetricGroup group) {
    gaps = group.counter("gaps");
    missingChunks = group.counter("missingChunks");
    duplicates = group.counter("duplicates");
    lateChunks = group.counter("lateChunks");
    bufferOverflows = group.counter("bufferOverflows");
    streamsEnded = group.counter("streamsEnded");
    streamTimeouts = group.counter("streamTimeouts");
    group.gauge("bufferedChunks", (Gauge<Long>) () -> buffered);
  }

  void buffered(int delta) {
    // Chunks restored from a checkpoint were never counted up; do not go below zero for them.
    buffered = Math.max(0, buffered + delta);
  }
}
