package io.livesubs.jobs.speech;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link SpeechRecognizer} made of a stream's speech: the current hypothesis of the open
 * segment (PARTIAL, may still change), the final transcript of a finished segment (FINAL), or the
 * end of the stream (END_STREAM, always last). Per stream: {@code (PARTIAL* FINAL)* END_STREAM}.
 *
 * <p>Times are media time in ms since the stream's start. Flink serializes it as a POJO (Java
 * record), not with Kryo. Immutable; the {@code words} array is never modified.
 *
 * @param streamId the stream, the key
 * @param kind what this element is
 * @param text the hypothesis, words joined by single spaces ("" when nothing was recognised)
 * @param words the words with their times, in time order (may be empty)
 * @param segmentStartMs start of the speech segment
 * @param segmentEndMs end of the audio recognised so far (FINAL: of the segment; END_STREAM: of the
 *     stream)
 * @param captureAnchorMs capture wall-clock time of media time 0, epoch ms
 * @param engine the engine and model, e.g. {@code vosk:vosk-model-en-us}
 * @param language the language of the text (the stream's hint, else the model's), BCP-47
 * @param wordsAhead PARTIAL: how many words the engine has heard after the last of {@code words}
 *     without placing them in time yet ({@link io.livesubs.inference.asr.AsrUpdate#wordsAhead()});
 *     a positive count means the last word is followed by speech. 0 otherwise
 */
public record Recognition(
    String streamId,
    Kind kind,
    String text,
    RecognizedWord[] words,
    long segmentStartMs,
    long segmentEndMs,
    long captureAnchorMs,
    String engine,
    String language,
    int wordsAhead) {

  private static final RecognizedWord[] NO_WORDS = new RecognizedWord[0];

  /** What a {@link Recognition} is. */
  public enum Kind {
    /** The open segment's current hypothesis; a later one replaces it. */
    PARTIAL,
    /** The finished segment's transcript. */
    FINAL,
    /** The stream ended. */
    END_STREAM
  }

  /** Checks the invariants. */
  public Recognition {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(language, "language");
    if (wordsAhead < 0) {
      throw new IllegalArgumentException("wordsAhead must be >= 0, got " + wordsAhead);
    }
    if (segmentStartMs < 0 || segmentEndMs < segmentStartMs) {
      throw new IllegalArgumentException(
          "need 0 <= segmentStartMs <= segmentEndMs, got " + segmentStartMs + ".." + segmentEndMs);
    }
  }

  /** The END_STREAM of a stream whose media ends at {@code endMs}. */
  public static Recognition endStream(
      String streamId, long endMs, long captureAnchorMs, String engine, String language) {
    return new Recognition(
        streamId,
        Kind.END_STREAM,
        "",
        NO_WORDS,
        endMs,
        endMs,
        captureAnchorMs,
        engine,
        language,
        0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Recognition r
        && kind == r.kind
        && segmentStartMs == r.segmentStartMs
        && segmentEndMs == r.segmentEndMs
        && captureAnchorMs == r.captureAnchorMs
        && wordsAhead == r.wordsAhead
        && streamId.equals(r.streamId)
        && text.equals(r.text)
        && engine.equals(r.engine)
        && language.equals(r.language)
        && Arrays.equals(words, r.words);
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, kind, text, segmentStartMs, segmentEndMs)
        + 31 * Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return kind + "{" + streamId + " " + segmentStartMs + ".." + segmentEndMs + " '" + text + "'}";
  }
}
