package io.livesubs.jobs.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * One validated chunk of a stream's audio: mono, 16-bit signed PCM samples at {@code sampleRate},
 * in the order and with the positions the platform produced them (not yet reordered).
 *
 * <p>Produced by {@link AudioChunkValidator} from an accepted {@code AudioChunk}; consumed by the
 * ordering stage. Flink serializes it as a POJO (Java record support), never with Kryo. The {@code
 * samples} array is owned by the chunk: nobody may modify it after construction, which is what
 * makes sharing it between operators safe. Instances are immutable and thread-safe.
 *
 * @param streamId valid stream id, the key
 * @param seq position of the chunk in its stream, 0,1,2,...
 * @param captureTimeMs capture wall-clock time of the first sample (event time), epoch ms
 * @param mediaOffsetSamples offset of the first sample since stream start, in samples
 * @param sampleRate samples per second
 * @param samples mono 16-bit samples; empty only for an empty chunk or end-of-stream marker
 * @param endOfStream whether this is the last chunk of the stream
 * @param languageHint spoken language as BCP-47, or {@code null} when unknown
 */
public record PcmChunk(
    String streamId,
    long seq,
    long captureTimeMs,
    long mediaOffsetSamples,
    int sampleRate,
    short[] samples,
    boolean endOfStream,
    String languageHint) {

  /** Checks the invariants that every consumer relies on. */
  public PcmChunk {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(samples, "samples");
    if (seq < 0 || mediaOffsetSamples < 0) {
      throw new IllegalArgumentException(
          "seq and mediaOffsetSamples must be >= 0, got " + seq + " and " + mediaOffsetSamples);
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
    }
  }

  /** Number of samples in this chunk. */
  public int sampleCount() {
    return samples.length;
  }

  /** Media offset just after the last sample of this chunk. */
  public long mediaEndSamples() {
    return mediaOffsetSamples + samples.length;
  }

  /** Duration of the chunk in whole milliseconds (rounded down). */
  public long durationMs() {
    return samples.length * 1000L / sampleRate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PcmChunk c
        && seq == c.seq
        && captureTimeMs == c.captureTimeMs
        && mediaOffsetSamples == c.mediaOffsetSamples
        && sampleRate == c.sampleRate
        && endOfStream == c.endOfStream
        && streamId.equals(c.streamId)
        && Objects.equals(languageHint, c.languageHint)
        && Arrays.equals(samples, c.samples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, seq, captureTimeMs, mediaOffsetSamples, sampleRate)
        + 31 * Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "PcmChunk{"
        + streamId
        + " seq="
        + seq
        + " offset="
        + mediaOffsetSamples
        + " samples="
        + samples.length
        + "@"
        + sampleRate
        + " captureTimeMs="
        + captureTimeMs
        + (endOfStream ? " EOS" : "")
        + "}";
  }
}
