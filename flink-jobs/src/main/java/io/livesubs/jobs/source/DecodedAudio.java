package io.livesubs.jobs.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record of the audio topic after decoding and validation: either an accepted {@link
 * PcmChunk}, or a rejection with its reason and the untouched original bytes for the dead-letter
 * topic. Always carries where the record came from.
 *
 * <p>Produced by {@link AudioRecordDeserializer} (one per Kafka record, never none), split by
 * {@link DeadLetterRouter}. Flink serializes it as a POJO (Java record support). The original value
 * is kept only for rejected records, so accepted audio is not carried twice. Immutable; the arrays
 * are owned by the instance and must not be modified.
 *
 * @param sourceTopic topic the record was read from
 * @param sourcePartition partition the record was read from
 * @param sourceOffset offset of the record
 * @param key original key bytes, or {@code null}
 * @param chunk the accepted chunk, or {@code null} when rejected
 * @param rejectCode why it was rejected, or {@code null} when accepted
 * @param rejectReason why it was rejected in words, or {@code null} when accepted
 * @param streamId stream id when it could be read, else {@code null}
 * @param originalValue original value bytes when rejected, else {@code null}
 */
public record DecodedAudio(
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    byte[] key,
    PcmChunk chunk,
    RejectReason rejectCode,
    String rejectReason,
    String streamId,
    byte[] originalValue) {

  /** Checks that exactly one of chunk and rejection is present. */
  public DecodedAudio {
    Objects.requireNonNull(sourceTopic, "sourceTopic");
    if ((chunk == null) == (rejectCode == null)) {
      throw new IllegalArgumentException("exactly one of chunk and rejectCode must be set");
    }
    if (rejectCode != null) {
      Objects.requireNonNull(rejectReason, "rejectReason");
    }
  }

  /** An accepted record. */
  public static DecodedAudio accepted(
      String topic, int partition, long offset, byte[] key, PcmChunk chunk) {
    return new DecodedAudio(
        topic, partition, offset, key, chunk, null, null, chunk.streamId(), null);
  }

  /** A rejected record; {@code streamId} is {@code null} when it could not be read. */
  public static DecodedAudio rejected(
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] originalValue,
      String streamId,
      RejectReason code,
      String reason) {
    return new DecodedAudio(
        topic, partition, offset, key, null, code, reason, streamId, originalValue);
  }

  /** Whether the record carries an accepted chunk. */
  public boolean isAccepted() {
    return chunk != null;
  }

  /**
   * Event time of the record: the capture time of an accepted chunk, or {@link Long#MIN_VALUE} for
   * a rejected one, so that bad records can never move a watermark.
   */
  public long eventTimeMs() {
    return chunk != null ? chunk.captureTimeMs() : Long.MIN_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedAudio d
        && sourcePartition == d.sourcePartition
        && sourceOffset == d.sourceOffset
        && sourceTopic.equals(d.sourceTopic)
        && Arrays.equals(key, d.key)
        && Objects.equals(chunk, d.chunk)
        && rejectCode == d.rejectCode
        && Objects.equals(rejectReason, d.rejectReason)
        && Objects.equals(streamId, d.streamId)
        && Arrays.equals(originalValue, d.originalValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceTopic, sourcePartition, sourceOffset, chunk, rejectCode);
  }

  @Override
  public String toString() {
    String where = sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
    return isAccepted()
        ? "DecodedAudio{" + where + " " + chunk + "}"
        : "DecodedAudio{" + where + " rejected " + rejectCode + ": " + rejectReason + "}";
  }
}
