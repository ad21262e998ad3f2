package io.livesubs.jobs.speech.whisper;

import io.livesubs.jobs.speech.RecognizedWord;
import java.util.Arrays;
import java.util.Objects;

/**
 * The decode of one {@link SpeechWindow}, as {@link AsyncWhisperDecoder} emits it for {@link
 * SegmentAgreement}: the window's words in media time, or why there are none.
 *
 * <p>Flink serializes it as a POJO (Java record). Immutable; the {@code words} array is never
 * modified.
 *
 * @param streamId the stream, the key
 * @param kind the window's kind
 * @param outcome what came of it
 * @param startMs media time of the window's first sample (the start of its segment part)
 * @param endMs media time just after its last sample (END_STREAM: the stream's end)
 * @param words the hypothesis, in time order, media ms (empty unless {@link Outcome#DECODED})
 * @param captureAnchorMs capture wall-clock time of media time 0, epoch ms
 * @param language the language of the text: the stream's hint, else the configured language, else
 *     the detected one ({@code und} when there is none)
 * @param engine the engine and model, e.g. {@code whisper:tiny}
 */
public record DecodedWindow(
    String streamId,
    SpeechWindow.Kind kind,
    Outcome outcome,
    long startMs,
    long endMs,
    RecognizedWord[] words,
    long captureAnchorMs,
    String language,
    String engine) {

  /** What came of a window. */
  public enum Outcome {
    /** Decoded; the words are its hypothesis (possibly none). */
    DECODED,
    /** Decoded, but a guard dropped the text (no speech, low confidence, repetitive). */
    DROPPED,
    /** Nothing to decode: END_STREAM, or a FINAL that adds no audio. */
    NO_AUDIO,
    /** Not decoded: the model cannot do the stream's language or sample rate. */
    UNSUPPORTED,
    /** Not decoded in time (asr.whisper.timeout-ms). */
    TIMED_OUT,
    /** The model call failed. */
    FAILED
  }

  /** Checks the invariants. */
  public DecodedWindow {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(engine, "engine");
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "need 0 <= startMs <= endMs, got " + startMs + ".." + endMs);
    }
  }

  /** Whether the window was decoded (its words, possibly none, are a hypothesis). */
  public boolean hypothesis() {
    return outcome == Outcome.DECODED || outcome == Outcome.DROPPED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedWindow d
        && kind == d.kind
        && outcome == d.outcome
        && startMs == d.startMs
        && endMs == d.endMs
        && captureAnchorMs == d.captureAnchorMs
        && streamId.equals(d.streamId)
        && language.equals(d.language)
        && engine.equals(d.engine)
        && Arrays.equals(words, d.words);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, kind, outcome, startMs, endMs) + 31 * Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return kind
        + "/"
        + outcome
        + "{"
        + streamId
        + " "
        + startMs
        + ".."
        + endMs
        + " "
        + Arrays.toString(words)
        + "}";
  }
}
