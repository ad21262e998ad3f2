package io.livesubs.jobs.source;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.AudioEncoding;
import io.livesubs.schemas.StreamIds;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decides whether a decoded {@link AudioChunk} is usable and, if so, converts it to a {@link
 * PcmChunk}. Pure: no I/O, no clock, no state; the same input always gives the same verdict. Never
 * throws on bad input: every problem becomes a {@link ChunkVerdict.Rejected} whose reason names the
 * offending value. Immutable and thread-safe.
 *
 * <p>Accepted: a valid stream id equal to the Kafka key, non-negative seq and media offset, a
 * non-negative capture time no more than {@link ChunkLimits#maxCaptureLead()} after the Kafka
 * record timestamp, {@code PCM_S16LE}, mono, exactly {@link ChunkLimits#sampleRateHz()}, a whole
 * number of samples, and no more than the size and duration limits.
 */
public final class AudioChunkValidator implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int BYTES_PER_S16_SAMPLE = 2;

  private final ChunkLimits limits;

  /** A validator enforcing {@code limits}. */
  public AudioChunkValidator(ChunkLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The limits this validator enforces. */
  public ChunkLimits limits() {
    return limits;
  }

  /**
   * Validates one chunk.
   *
   * @param chunk the decoded record value
   * @param key the Kafka record key bytes, or {@code null}
   * @param recordTimestampMs the Kafka record timestamp, or a negative value when it has none
   * @return the verdict; never {@code null}
   */
  public ChunkVerdict validate(AudioChunk chunk, byte[] key, long recordTimestampMs) {
    Objects.requireNonNull(chunk, "chunk");
    ChunkVerdict.Rejected problem = checkHeader(chunk, key, recordTimestampMs);
    if (problem == null) {
      problem = checkFormat(chunk);
    }
    if (problem != null) {
      return problem;
    }
    return convert(chunk);
  }

  private ChunkVerdict.Rejected checkHeader(AudioChunk chunk, byte[] key, long recordTimeMs) {
    String streamId = chunk.getStreamId();
    if (!StreamIds.isValid(streamId)) {
      return reject(RejectReason.INVALID_STREAM_ID, "stream id '" + abbreviate(streamId) + "'");
    }
    if (key == null) {
      return reject(
          RejectReason.KEY_MISMATCH,
          "record has no key; the key must be the stream id " + streamId);
    }
    if (!Arrays.equals(key, streamId.getBytes(StandardCharsets.UTF_8))) {
      return reject(
          RejectReason.KEY_MISMATCH,
          "record key '"
              + abbreviate(new String(key, StandardCharsets.UTF_8))
              + "' differs from stream id '"
              + streamId
              + "'");
    }
    if (chunk.getSeq() < 0 || chunk.getMediaOffsetSamples() < 0) {
      return reject(
          RejectReason.NEGATIVE_POSITION,
          "seq "
              + chunk.getSeq()
              + " and mediaOffsetSamples "
              + chunk.getMediaOffsetSamples()
              + " must both be >= 0");
    }
    long capture = chunk.getCaptureTimeMs();
    if (capture < 0) {
      return reject(RejectReason.BAD_CAPTURE_TIME, "captureTimeMs " + capture + " is negative");
    }
    long maxLeadMs = limits.maxCaptureLead().toMillis();
    if (recordTimeMs >= 0 && capture - recordTimeMs > maxLeadMs) {
      return reject(
          RejectReason.BAD_CAPTURE_TIME,
          "captureTimeMs "
              + capture
              + " lies "
              + (capture - recordTimeMs)
              + " ms after the record timestamp "
              + recordTimeMs
              + " (at most "
              + maxLeadMs
              + " ms allowed; is it in microseconds?)");
    }
    return null;
  }

  private ChunkVerdict.Rejected checkFormat(AudioChunk chunk) {
    if (chunk.getEncoding() != AudioEncoding.PCM_S16LE) {
      return reject(
          RejectReason.UNKNOWN_ENCODING,
          "encoding " + chunk.getEncoding() + " is not supported; use PCM_S16LE");
    }
    if (chunk.getChannels() != 1) {
      return reject(
          RejectReason.BAD_CHANNELS,
          chunk.getChannels() + " channels; the job accepts mono only, downmix in the producer");
    }
    if (chunk.getSampleRate() != limits.sampleRateHz()) {
      return reject(
          RejectReason.BAD_SAMPLE_RATE,
          "sample rate "
              + chunk.getSampleRate()
              + " Hz; the job accepts "
              + limits.sampleRateHz()
              + " Hz only, resample in the producer");
    }
    int bytes = chunk.getPayload() == null ? 0 : chunk.getPayload().remaining();
    if (bytes > limits.maxPayloadBytes()) {
      return reject(
          RejectReason.OVERSIZED,
          "payload of " + bytes + " bytes exceeds " + limits.maxPayloadBytes() + " bytes");
    }
    if (bytes % BYTES_PER_S16_SAMPLE != 0) {
      return reject(
          RejectReason.PARTIAL_SAMPLE,
          "payload of " + bytes + " bytes is not a whole number of 16-bit samples");
    }
    long durationMs = (bytes / BYTES_PER_S16_SAMPLE) * 1000L / chunk.getSampleRate();
    if (durationMs > limits.maxChunkDuration().toMillis()) {
      return reject(
          RejectReason.OVERSIZED,
          "chunk of "
              + durationMs
              + " ms exceeds "
              + limits.maxChunkDuration().toMillis()
              + " ms of audio");
    }
    return null;
  }

  private static ChunkVerdict convert(AudioChunk chunk) {
    short[] samples = decodeS16le(chunk.getPayload());
    // A float encoding would check every converted sample with Float.isFinite here and reject
    // with NON_FINITE_SAMPLES; 16-bit integers are finite by construction.
    return new ChunkVerdict.Accepted(
        new PcmChunk(
            chunk.getStreamId(),
            chunk.getSeq(),
            chunk.getCaptureTimeMs(),
            chunk.getMediaOffsetSamples(),
            chunk.getSampleRate(),
            samples,
            chunk.getEndOfStream(),
            chunk.getLanguageHint()));
  }

  /** Decodes little-endian signed 16-bit samples without disturbing {@code payload}'s position. */
  static short[] decodeS16le(ByteBuffer payload) {
    if (payload == null) {
      return new short[0];
    }
    ByteBuffer le = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    short[] samples = new short[le.remaining() / BYTES_PER_S16_SAMPLE];
    le.asShortBuffer().get(samples);
    return samples;
  }

  private static ChunkVerdict.Rejected reject(RejectReason code, String reason) {
    return new ChunkVerdict.Rejected(code, reason);
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
