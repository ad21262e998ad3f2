package io.livesubs.jobs.source;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The event-time rules of the audio source: event time is the chunk's capture time, watermarks
 * trail the largest capture time seen by a bounded out-of-orderness, and a Kafka partition without
 * records for the idleness timeout stops holding the watermark back.
 *
 * <p>Apply it on the Kafka source itself ({@code env.fromSource(source, strategy, name)}) so that
 * Flink generates watermarks per partition: chunks of one stream share a partition, so the bound
 * describes the disorder within a stream, not across the whole topic. Rejected records get no event
 * time ({@link DecodedAudio#eventTimeMs()}) and never move a watermark.
 */
public final class AudioWatermarks {

  /** Default out-of-orderness: a chunk may arrive up to 2 s of capture time late. */
  public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(2);

  /** Default idleness: a partition quiet for 5 s no longer holds the watermark back. */
  public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(5);

  private AudioWatermarks() {}

  /** The strategy with {@link #DEFAULT_OUT_OF_ORDERNESS} and {@link #DEFAULT_IDLENESS}. */
  public static WatermarkStrategy<DecodedAudio> strategy() {
    return strategy(DEFAULT_OUT_OF_ORDERNESS, DEFAULT_IDLENESS);
  }

  /**
   * The strategy with the given bounds.
   *
   * @param outOfOrderness how far behind the largest capture time seen a chunk may still arrive in
   *     time; zero or positive
   * @param idleness how long a partition may be silent before it is marked idle; positive
   * @throws IllegalArgumentException naming the bad argument
   */
  public static WatermarkStrategy<DecodedAudio> strategy(
      Duration outOfOrderness, Duration idleness) {
    if (outOfOrderness == null || outOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "outOfOrderness must be zero or positive, got " + outOfOrderness);
    }
    if (idleness == null || idleness.isNegative() || idleness.isZero()) {
      throw new IllegalArgumentException("idleness must be positive, got " + idleness);
    }
    return WatermarkStrategy.<DecodedAudio>forBoundedOutOfOrderness(outOfOrderness)
        .withTimestampAssigner((record, kafkaTimestamp) -> record.eventTimeMs())
        .withIdleness(idleness);
  }
}
