package io.livesubs.jobs.source;

/**
 * Machine-readable reasons why an audio record was sent to the dead-letter topic. The name of the
 * constant is what {@code DeadLetter.reasonCode} carries, so constants must never be renamed.
 */
public enum RejectReason {
  /** The record value is not a decodable {@code AudioChunk} (wire format, schema id, Avro). */
  DECODE_FAILED,
  /** The stream id breaks the {@code StreamIds} rule. */
  INVALID_STREAM_ID,
  /** The Kafka key is missing or differs from the stream id. */
  KEY_MISMATCH,
  /** {@code seq} or {@code mediaOffsetSamples} is negative. */
  NEGATIVE_POSITION,
  /** The capture time is negative or lies implausibly far after the Kafka record time. */
  BAD_CAPTURE_TIME,
  /** The sample encoding is not one the job can decode. */
  UNKNOWN_ENCODING,
  /** The sample rate is not the one the job accepts. */
  BAD_SAMPLE_RATE,
  /** The channel count is not 1. */
  BAD_CHANNELS,
  /** The payload is not a whole number of samples. */
  PARTIAL_SAMPLE,
  /** The chunk is larger or longer than a chunk may be. */
  OVERSIZED,
  /**
   * A decoded sample is NaN or infinite. Only float encodings can produce this; none is accepted
   * yet, so the code is reserved for the first one that is.
   */
  NON_FINITE_SAMPLES
}
