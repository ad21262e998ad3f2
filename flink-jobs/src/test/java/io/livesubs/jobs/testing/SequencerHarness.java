package io.livesubs.jobs.testing;

import io.livesubs.jobs.ordering.ChunkSequencer;
import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.ordering.SequencerSettings;
import io.livesubs.jobs.source.PcmChunk;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A {@link ChunkSequencer} in Flink's keyed operator test harness, with its metrics readable and
 * watermarks generated the way a bounded-out-of-orderness source generates them.
 */
public final class SequencerHarness implements AutoCloseable {

  private final KeyedOneInputStreamOperatorTestHarness<String, PcmChunk, OrderedAudio> harness;
  private final RecordingTaskMetricGroup metrics = new RecordingTaskMetricGroup();
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastWatermark = Long.MIN_VALUE;

  /** An open harness with {@code settings}, optionally restored from {@code state}. */
  public SequencerHarness(SequencerSettings settings, OperatorSubtaskState state) throws Exception {
    this(new ChunkSequencer(settings), state);
  }

  /** An open harness with {@code settings} for watermarks bounded by {@code outOfOrderness}. */
  public SequencerHarness(SequencerSettings settings, Duration outOfOrderness) throws Exception {
    this(new ChunkSequencer(settings, outOfOrderness), null);
  }

  private SequencerHarness(ChunkSequencer sequencer, OperatorSubtaskState state) throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(sequencer),
            PcmChunk::streamId,
            Types.STRING,
            new MockEnvironmentBuilder().setMetricGroup(metrics).build());
    if (state != null) {
      harness.initializeState(state);
    }
    harness.open();
  }

  /** An open harness with {@code settings}. */
  public SequencerHarness(SequencerSettings settings) throws Exception {
    this(settings, (OperatorSubtaskState) null);
  }

  /** Sends one chunk with its capture time as timestamp. */
  public void send(PcmChunk chunk) throws Exception {
    harness.processElement(chunk, chunk.captureTimeMs());
  }

  /** Sends one chunk, then the watermark a source with bound {@code boundMs} would emit. */
  public void sendWithWatermark(PcmChunk chunk, long boundMs) throws Exception {
    send(chunk);
    maxTimestamp = Math.max(maxTimestamp, chunk.captureTimeMs());
    watermark(maxTimestamp - boundMs - 1);
  }

  /** Sends every chunk with watermarks, then the final watermark of a bounded input. */
  public void sendAllAndFinish(List<PcmChunk> chunks, long boundMs) throws Exception {
    for (PcmChunk chunk : chunks) {
      sendWithWatermark(chunk, boundMs);
    }
    watermark(Long.MAX_VALUE);
  }

  /** Advances the watermark (ignored if not ahead of the last one). */
  public void watermark(long watermark) throws Exception {
    if (watermark > lastWatermark) {
      lastWatermark = watermark;
      harness.processWatermark(watermark);
    }
  }

  /** Everything emitted so far. */
  public List<OrderedAudio> output() {
    return harness.extractOutputValues();
  }

  /** Value of the counter {@code name}. */
  public long counter(String name) {
    return ((Counter) metrics.operator.get(name)).getCount();
  }

  /** Value of the gauge {@code name}. */
  public Object gauge(String name) {
    return ((Gauge<?>) metrics.operator.get(name)).getValue();
  }

  /** Number of keyed state entries of all streams. */
  public int stateEntries() {
    return harness.numKeyedStateEntries();
  }

  /** Number of registered event-time timers. */
  public int eventTimeTimers() {
    return harness.numEventTimeTimers();
  }

  /** Number of registered processing-time timers. */
  public int processingTimeTimers() {
    return harness.numProcessingTimeTimers();
  }

  /** Advances the processing time that timers see, firing those due. */
  public void setProcessingTime(long millis) throws Exception {
    harness.setProcessingTime(millis);
  }

  /** Sets the processing time that state TTL sees. */
  public void setTtlTime(long millis) {
    harness.setStateTtlProcessingTime(millis);
  }

  /** A snapshot of the operator state. */
  public OperatorSubtaskState snapshot() throws Exception {
    return harness.snapshot(1L, 1L);
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}
