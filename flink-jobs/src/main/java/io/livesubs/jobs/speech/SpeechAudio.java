package io.livesubs.jobs.speech;

import java.util.Arrays;
import java.util.Objects;

/**
 * One element of a stream's speech, as emitted by {@link SpeechDetector}: only audio the voice
 * activity detector classed as speech ever travels in this type, so nothing outside speech reaches
 * the recogniser.
 *
 * <p>Per stream the elements come as {@code (START AUDIO* END_SEGMENT)* END_STREAM}. The AUDIO
 * elements of a segment are contiguous and cover exactly its samples {@code [segmentStartSample,
 * end)}, where {@code end} is the {@code mediaOffsetSamples} of its END_SEGMENT; padding before the
 * speech is included (it is replayed from audio the detector kept).
 *
 * <p>Flink serializes it as a POJO (Java record support), not with Kryo. Immutable; the {@code
 * samples} array is owned by the element and never modified.
 *
 * @param streamId the stream, the key
 * @param kind what this element is
 * @param segmentStartSample first sample of the current segment (of the stream for END_STREAM)
 * @param mediaOffsetSamples START: the segment start; AUDIO: the first sample carried; END_SEGMENT:
 *     one past the segment's last sample; END_STREAM: the stream's media end
 * @param sampleRate samples per second
 * @param samples mono 16-bit samples of an AUDIO element; empty otherwise
 * @param captureAnchorMs capture wall-clock time of media time 0 of this stream, epoch ms, as the
 *     latest input chunk tells it ({@code captureTimeMs} minus its media offset)
 * @param languageHint spoken language as BCP-47, or {@code null}
 */
public record SpeechAudio(
    String streamId,
    Kind kind,
    long segmentStartSample,
    long mediaOffsetSamples,
    int sampleRate,
    short[] samples,
    long captureAnchorMs,
    String languageHint) {

  private static final short[] NO_SAMPLES = new short[0];

  /** What a {@link SpeechAudio} element is. */
  public enum Kind {
    /** A speech segment begins at {@code segmentStartSample}. */
    START,
    /** Samples of the open segment. */
    AUDIO,
    /** The open segment ends before {@code mediaOffsetSamples}. */
    END_SEGMENT,
    /** The stream ended; nothing follows. */
    END_STREAM
  }

  /** Checks the invariants. */
  public SpeechAudio {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(samples, "samples");
    if (sampleRate <= 0 || mediaOffsetSamples < 0 || segmentStartSample < 0) {
      throw new IllegalArgumentException(
          "sampleRate must be > 0 and sample offsets >= 0, got rate "
              + sampleRate
              + ", offsets "
              + segmentStartSample
              + "/"
              + mediaOffsetSamples);
    }
  }

  /** The START of a segment at {@code startSample}. */
  public static SpeechAudio start(
      String streamId, long startSample, int sampleRate, long anchorMs, String languageHint) {
    return new SpeechAudio(
        streamId,
        Kind.START,
        startSample,
        startSample,
        sampleRate,
        NO_SAMPLES,
        anchorMs,
        languageHint);
  }

  /** AUDIO of the segment starting at {@code segmentStart}; {@code samples} begin at {@code at}. */
  public static SpeechAudio audio(
      String streamId,
      long segmentStart,
      long at,
      int sampleRate,
      short[] samples,
      long anchorMs,
      String languageHint) {
    return new SpeechAudio(
        streamId, Kind.AUDIO, segmentStart, at, sampleRate, samples, anchorMs, languageHint);
  }

  /** The END of the segment {@code [segmentStart, endSample)}. */
  public static SpeechAudio endSegment(
      String streamId,
      long segmentStart,
      long endSample,
      int sampleRate,
      long anchorMs,
      String languageHint) {
    return new SpeechAudio(
        streamId,
        Kind.END_SEGMENT,
        segmentStart,
        endSample,
        sampleRate,
        NO_SAMPLES,
        anchorMs,
        languageHint);
  }

  /** The END of the stream, whose media ends at {@code endSample}. */
  public static SpeechAudio endStream(
      String streamId, long endSample, int sampleRate, long anchorMs, String languageHint) {
    return new SpeechAudio(
        streamId, Kind.END_STREAM, 0, endSample, sampleRate, NO_SAMPLES, anchorMs, languageHint);
  }

  /** Media time of {@code mediaOffsetSamples} in ms (rounded down). */
  public long mediaMs() {
    return mediaOffsetSamples * 1000 / sampleRate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpeechAudio a
        && kind == a.kind
        && segmentStartSample == a.segmentStartSample
        && mediaOffsetSamples == a.mediaOffsetSamples
        && sampleRate == a.sampleRate
        && captureAnchorMs == a.captureAnchorMs
        && streamId.equals(a.streamId)
        && Objects.equals(languageHint, a.languageHint)
        && Arrays.equals(samples, a.samples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, kind, segmentStartSample, mediaOffsetSamples)
        + 31 * Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return kind
        + "{"
        + streamId
        + " segment@"
        + segmentStartSample
        + " at="
        + mediaOffsetSamples
        + (kind == Kind.AUDIO ? " samples=" + samples.length : "")
        + "}";
  }
}
