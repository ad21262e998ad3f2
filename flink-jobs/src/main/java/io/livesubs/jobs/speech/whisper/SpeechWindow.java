package io.livesubs.jobs.speech.whisper;

import java.util.Arrays;
import java.util.Objects;

/**
 * A window of a stream's open speech segment to decode, as {@link WindowPlanner} emits it: the
 * audio from the segment start (or from the last forced cut) up to a decode point, or the end of
 * the stream. Per stream: {@code (PARTIAL* FINAL)* END_STREAM}.
 *
 * <p>Flink serializes it as a POJO (Java record). Immutable; the {@code samples} array is owned by
 * the element and never modified.
 *
 * @param streamId the stream, the key
 * @param kind what this window is
 * @param startSample first sample of the window: the start of its (part of a) segment
 * @param endSample one past its last sample (END_STREAM: the stream's media end)
 * @param sampleRate samples per second
 * @param samples the window's audio, {@code endSample - startSample} samples; empty for END_STREAM
 *     and for a FINAL that adds no audio to the last PARTIAL
 * @param newSamples audio this window adds to the previous window of the segment (for the real-time
 *     factor)
 * @param captureAnchorMs capture wall-clock time of media time 0, epoch ms
 * @param languageHint the stream's language as BCP 47, or {@code null}
 */
public record SpeechWindow(
    String streamId,
    Kind kind,
    long startSample,
    long endSample,
    int sampleRate,
    short[] samples,
    long newSamples,
    long captureAnchorMs,
    String languageHint) {

  private static final short[] NO_SAMPLES = new short[0];

  /** What a {@link SpeechWindow} is. */
  public enum Kind {
    /** The segment so far: its hypothesis may still change. */
    PARTIAL,
    /** The whole segment (or the part up to a forced cut): everything in it is final. */
    FINAL,
    /** The stream ended; nothing follows. */
    END_STREAM
  }

  /** Checks the invariants. */
  public SpeechWindow {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(samples, "samples");
    if (sampleRate <= 0 || startSample < 0 || endSample < startSample || newSamples < 0) {
      throw new IllegalArgumentException(
          "need rate > 0 and 0 <= start <= end, got "
              + sampleRate
              + ", "
              + startSample
              + ".."
              + endSample);
    }
  }

  /** The END_STREAM of a stream whose media ends at {@code endSample}. */
  public static SpeechWindow endStream(
      String streamId, long endSample, int sampleRate, long anchorMs, String languageHint) {
    return new SpeechWindow(
        streamId,
        Kind.END_STREAM,
        endSample,
        endSample,
        sampleRate,
        NO_SAMPLES,
        0,
        anchorMs,
        languageHint);
  }

  /** Whether this window carries audio to decode. */
  public boolean hasAudio() {
    return samples.length > 0;
  }

  /** Media time of {@code sample} in ms (rounded down, as the rest of the job). */
  public long mediaMs(long sample) {
    return sample * 1000 / sampleRate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpeechWindow w
        && kind == w.kind
        && startSample == w.startSample
        && endSample == w.endSample
        && sampleRate == w.sampleRate
        && newSamples == w.newSamples
        && captureAnchorMs == w.captureAnchorMs
        && streamId.equals(w.streamId)
        && Objects.equals(languageHint, w.languageHint)
        && Arrays.equals(samples, w.samples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, kind, startSample, endSample) + 31 * Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return kind
        + "{"
        + streamId
        + " "
        + startSample
        + ".."
        + endSample
        + " samples="
        + samples.length
        + "}";
  }
}
