package io.livesubs.jobs.source;

import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits decoded audio records: accepted chunks continue on the main output, rejected records go to
 * the {@link #DEAD_LETTERS} side output as {@link DeadLetter}s carrying source topic, partition,
 * offset, key, reason, reason code, original bytes and the rejection time.
 *
 * <p>Stateless. Metrics: counter {@code deadLetters}, and one counter {@code deadLetters} per
 * reason code under the group {@code reason=<CODE>}. One instance per parallel subtask, called from
 * its task thread only.
 */
public final class DeadLetterRouter extends ProcessFunction<DecodedAudio, PcmChunk> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouter.class);

  /** Side output of records the job cannot use, for the dead-letter topic. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", new AvroSpecificTypeInfo<>(DeadLetter.class));

  private transient Counter deadLetters;
  private transient Map<RejectReason, Counter> byReason;

  @Override
  public void open(OpenContext openContext) {
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    deadLetters = metrics.counter("deadLetters");
    byReason = new EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      byReason.put(reason, metrics.addGroup("reason", reason.name()).counter("deadLetters"));
    }
  }

  @Override
  public void processElement(DecodedAudio record, Context ctx, Collector<PcmChunk> out) {
    if (record.isAccepted()) {
      out.collect(record.chunk());
      return;
    }
    deadLetters.inc();
    byReason.get(record.rejectCode()).inc();
    LOG.debug(
        "dead letter {}-{}@{}: {} {}",
        record.sourceTopic(),
        record.sourcePartition(),
        record.sourceOffset(),
        record.rejectCode(),
        record.rejectReason());
    ctx.output(DEAD_LETTERS, toDeadLetter(record, System.currentTimeMillis()));
  }

  /** The dead letter for a rejected record, stamped with {@code nowMs}. */
  public static DeadLetter toDeadLetter(DecodedAudio record, long nowMs) {
    if (record.isAccepted()) {
      throw new IllegalArgumentException("record was accepted, not rejected: " + record);
    }
    return DeadLetter.newBuilder()
        .setSourceTopic(record.sourceTopic())
        .setSourcePartition(record.sourcePartition())
        .setSourceOffset(record.sourceOffset())
        .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
        .setStreamId(record.streamId())
        .setReason(record.rejectReason())
        .setReasonCode(record.rejectCode().name())
        .setOriginalValue(
            record.originalValue() == null ? null : ByteBuffer.wrap(record.originalValue()))
        .setTimeMs(nowMs)
        .build();
  }
}
