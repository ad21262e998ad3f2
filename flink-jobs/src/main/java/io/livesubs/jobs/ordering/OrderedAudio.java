package io.livesubs.jobs.ordering;

import io.livesubs.jobs.source.PcmChunk;
import java.util.Arrays;
import java.util.Objects;

/**
 * One element of a stream's audio in {@code seq} order, as emitted by {@link ChunkSequencer}: a
 * chunk of samples ({@link Kind#DATA}), a stretch of media time whose chunks never arrived ({@link
 * Kind#GAP}), or the end of the stream ({@link Kind#END}, always last).
 *
 * <p>Media time is exact: {@code mediaOffsetSamples} and {@code sampleCount} are in samples at
 * {@code sampleRate} since the stream's start. A GAP covers {@code missingChunks} sequence numbers
 * starting at {@code seq}, and the samples from the last chunk before it to the first chunk after
 * it; it carries no samples. Consecutive elements of a stream are contiguous in seq; DATA offsets
 * are the producer's, so a downstream stage should place audio by {@code mediaOffsetSamples}, not
 * by counting samples.
 *
 * <p>Flink serializes it as a POJO (Java record support), not with Kryo. Immutable; the {@code
 * samples} array is shared, never modified.
 *
 * @param streamId the stream
 * @param seq seq of the chunk (DATA), first missing seq (GAP), seq of the last chunk (END)
 * @param kind what this element is
 * @param mediaOffsetSamples media time of the element's start, in samples since stream start
 * @param sampleCount length in samples: of the chunk (DATA), of the missing audio (GAP), 0 (END)
 * @param sampleRate samples per second
 * @param samples mono 16-bit samples of a DATA element; empty for GAP and END
 * @param captureTimeMs capture wall-clock time at {@code mediaOffsetSamples}, epoch ms
 * @param languageHint spoken language as BCP-47, or {@code null}
 * @param missingChunks number of missing chunks for a GAP, else 0
 */
public record OrderedAudio(
    String streamId,
    long seq,
    Kind kind,
    long mediaOffsetSamples,
    long sampleCount,
    int sampleRate,
    short[] samples,
    long captureTimeMs,
    String languageHint,
    long missingChunks) {

  private static final short[] NO_SAMPLES = new short[0];

  /** What an {@link OrderedAudio} element is. */
  public enum Kind {
    /** A chunk of audio samples. */
    DATA,
    /** Media time whose chunks never arrived before the watermark passed them. */
    GAP,
    /** The stream ended (end-of-stream chunk or timeout); nothing follows. */
    END
  }

  /** A DATA element carrying {@code chunk}'s samples. */
  public static OrderedAudio data(PcmChunk chunk) {
    return new OrderedAudio(
        chunk.streamId(),
        chunk.seq(),
        Kind.DATA,
        chunk.mediaOffsetSamples(),
        chunk.sampleCount(),
        chunk.sampleRate(),
        chunk.samples(),
        chunk.captureTimeMs(),
        chunk.languageHint(),
        0);
  }

  /**
   * A GAP of {@code missingChunks} chunks from {@code firstMissingSeq}, lasting {@code samples}.
   */
  public static OrderedAudio gap(
      String streamId,
      long firstMissingSeq,
      long missingChunks,
      long mediaOffsetSamples,
      long samples,
      int sampleRate,
      long captureTimeMs,
      String languageHint) {
    return new OrderedAudio(
        streamId,
        firstMissingSeq,
        Kind.GAP,
        mediaOffsetSamples,
        samples,
        sampleRate,
        NO_SAMPLES,
        captureTimeMs,
        languageHint,
        missingChunks);
  }

  /** The END element after the chunk {@code lastSeq}, at media time {@code mediaOffsetSamples}. */
  public static OrderedAudio end(
      String streamId,
      long lastSeq,
      long mediaOffsetSamples,
      int sampleRate,
      long captureTimeMs,
      String languageHint) {
    return new OrderedAudio(
        streamId,
        lastSeq,
        Kind.END,
        mediaOffsetSamples,
        0,
        sampleRate,
        NO_SAMPLES,
        captureTimeMs,
        languageHint,
        0);
  }

  /** Media time of the start, in ms since stream start (rounded down). */
  public long mediaStartMs() {
    return mediaOffsetSamples * 1000 / sampleRate;
  }

  /** Media time of the end, in ms since stream start (rounded down). */
  public long mediaEndMs() {
    return (mediaOffsetSamples + sampleCount) * 1000 / sampleRate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderedAudio a
        && seq == a.seq
        && mediaOffsetSamples == a.mediaOffsetSamples
        && sampleCount == a.sampleCount
        && sampleRate == a.sampleRate
        && captureTimeMs == a.captureTimeMs
        && missingChunks == a.missingChunks
        && kind == a.kind
        && Objects.equals(streamId, a.streamId)
        && Objects.equals(languageHint, a.languageHint)
        && Arrays.equals(samples, a.samples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, seq, kind, mediaOffsetSamples, sampleCount)
        + 31 * Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return kind
        + "{"
        + streamId
        + " seq="
        + seq
        + (kind == Kind.GAP ? " missing=" + missingChunks : "")
        + " offset="
        + mediaOffsetSamples
        + " samples="
        + sampleCount
        + "@"
        + sampleRate
        + " captureTimeMs="
        + captureTimeMs
        + "}";
  }
}
