package io.livesubs.jobs.speech.whisper;

import io.livesubs.inference.asr.whisper.batch.BatchMetrics;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Metrics of the asynchronous Whisper decode stage, in its operator metric group:
 *
 * <ul>
 *   <li>{@code whisperWindows}: windows decoded by this subtask (dropped ones included);
 *   <li>{@code whisperTimeouts}, {@code whisperFailures}, {@code whisperUnsupported}: windows that
 *       gave no hypothesis because they timed out, the model call failed, or the model cannot do
 *       the stream's language;
 *   <li>{@code whisperInFlight}, {@code whisperMaxInFlight}: windows of this subtask queued or in
 *       the model now, and the most ever (bounded by {@code asr.whisper.capacity});
 *   <li>{@code whisperDecodeMs}: mean time from submission to result of this subtask's windows
 *       (queue wait included);
 *   <li>{@code whisperRealTimeFactor}: this subtask's window time over the new audio the windows
 *       added (above 1, a stream's decodes fall behind its audio);
 *   <li>{@code whisperBatchSizeMean}, {@code whisperQueueWaitMs}: the JVM's batch service: mean
 *       windows per model call, and mean over batches of the longest queue wait in the batch.
 * </ul>
 *
 * <p>Thread-safe: windows complete on the batch worker thread, the reporter reads from its own.
 */
final class DecodeMetrics {
  final Counter windows;
  final Counter timeouts;
  final Counter failures;
  final Counter unsupported;
  private final AtomicLong decodeNanos = new AtomicLong();
  private final AtomicLong decoded = new AtomicLong();
  private final AtomicLong newAudioNanos = new AtomicLong();
  private final AtomicLong maxInFlight = new AtomicLong();

  DecodeMetrics(MetricGroup group, BatchMetrics batches, IntSupplier inFlight) {
    windows = group.counter("whisperWindows");
    timeouts = group.counter("whisperTimeouts");
    failures = group.counter("whisperFailures");
    unsupported = group.counter("whisperUnsupported");
    group.gauge("whisperInFlight", (Gauge<Integer>) inFlight::getAsInt);
    group.gauge("whisperMaxInFlight", (Gauge<Long>) maxInFlight::get);
    group.gauge("whisperDecodeMs", (Gauge<Double>) this::meanDecodeMs);
    group.gauge("whisperRealTimeFactor", (Gauge<Double>) this::realTimeFactor);
    group.gauge("whisperBatchSizeMean", (Gauge<Double>) batches::averageBatchSize);
    group.gauge("whisperQueueWaitMs", (Gauge<Double>) batches::averageMaxQueueMs);
  }

  /** Notes the number of windows in flight after a submission. */
  void inFlight(int now) {
    maxInFlight.accumulateAndGet(now, Math::max);
  }

  /** Records a window that took {@code nanos} and added {@code newSamples} at {@code rate}. */
  void decoded(long nanos, long newSamples, int rate) {
    windows.inc();
    decoded.incrementAndGet();
    decodeNanos.addAndGet(nanos);
    newAudioNanos.addAndGet(newSamples * 1_000_000_000L / rate);
  }

  private double meanDecodeMs() {
    long n = decoded.get();
    return n == 0 ? 0 : decodeNanos.get() / 1e6 / n;
  }

  private double realTimeFactor() {
    long audio = newAudioNanos.get();
    return audio == 0 ? 0 : decodeNanos.get() / (double) audio;
  }
}
