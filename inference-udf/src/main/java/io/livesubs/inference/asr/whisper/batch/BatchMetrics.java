package io.livesubs.inference.asr.whisper.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running timing of a {@link WhisperBatchService}, per batch size, for the benchmark and for
 * monitoring. Thread-safe: the worker records, anyone reads snapshots.
 */
public final class BatchMetrics {

  /**
   * Averages over all batches of one size. Immutable.
   *
   * @param size windows per batch
   * @param batches batches of this size
   * @param avgEncoderMs mean encoder time
   * @param avgDecoderMsPerStep decoder time per step, over all their steps
   * @param avgSteps mean steps per batch
   */
  public record SizeStats(
      int size, long batches, double avgEncoderMs, double avgDecoderMsPerStep, double avgSteps) {}

  private final Map<Integer, long[]> bySize = new TreeMap<>();
  private BatchStats last;
  private long windows;
  private long failedBatches;
  private long queueNanos;

  synchronized void record(BatchStats stats) {
    long[] acc = bySize.computeIfAbsent(stats.size(), s -> new long[4]);
    acc[0]++;
    acc[1] += stats.encoderNanos();
    acc[2] += stats.decoderNanos();
    acc[3] += stats.decoderSteps();
    windows += stats.size();
    queueNanos += stats.maxQueueNanos();
    last = stats;
  }

  synchronized void recordFailure() {
    failedBatches++;
  }

  /** Per batch size, ascending. */
  public synchronized List<SizeStats> bySize() {
    List<SizeStats> out = new ArrayList<>();
    for (Map.Entry<Integer, long[]> e : bySize.entrySet()) {
      long[] a = e.getValue();
      out.add(
          new SizeStats(
              e.getKey(),
              a[0],
              a[1] / 1e6 / a[0],
              a[3] == 0 ? 0 : a[2] / 1e6 / a[3],
              a[3] / (double) a[0]));
    }
    return out;
  }

  /** The most recent batch, or null before the first. */
  public synchronized BatchStats last() {
    return last;
  }

  /** Batches completed. */
  public synchronized long batches() {
    return bySize.values().stream().mapToLong(a -> a[0]).sum();
  }

  /** Windows decoded. */
  public synchronized long windows() {
    return windows;
  }

  /** Batches whose model call failed. */
  public synchronized long failedBatches() {
    return failedBatches;
  }

  /**
   * Mean, over batches, of the longest wait of a window of the batch from submission to batch start
   * (0 before the first): how long the queue holds work back.
   */
  public synchronized double averageMaxQueueMs() {
    long batches = batches();
    return batches == 0 ? 0 : queueNanos / 1e6 / batches;
  }

  /** Mean windows per batch (0 before the first). */
  public synchronized double averageBatchSize() {
    long batches = batches();
    return batches == 0 ? 0 : windows / (double) batches;
  }
}
