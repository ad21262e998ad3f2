package io.livesubs.jobs.translation;

import java.util.Objects;

/**
 * A phrase translated into one target language, or the end of one translated timeline, from {@link
 * AsyncTranslateFunction} to {@link TranslatedCueEmitter}. Public and a record only because Flink
 * serializes it as a POJO. Immutable and thread-safe.
 *
 * @param streamId the stream
 * @param endOfStream true for the end of the (stream, target language) timeline; no text
 * @param sourceLanguage BCP-47 language of the source cues
 * @param targetLanguage BCP-47 language of {@code text}
 * @param text the translation ({@code ""} for the end marker)
 * @param startMs media start of the source phrase
 * @param endMs media end of the source phrase (the stream's duration for the end marker)
 * @param firstCueSeq cue number of the phrase's first source cue
 * @param firstCueRevision revision of that cue
 * @param captureTimeMs capture wall-clock time of the audio at {@code endMs}
 * @param engine the translator's name, e.g. {@code apertium:eng-spa}
 * @param partial true for a translated preview of the open phrase ({@code ""}: withdraw it)
 */
public record TranslatedPhrase(
    String streamId,
    boolean endOfStream,
    String sourceLanguage,
    String targetLanguage,
    String text,
    long startMs,
    long endMs,
    long firstCueSeq,
    int firstCueRevision,
    long captureTimeMs,
    String engine,
    boolean partial) {

  /** A translated whole phrase or end marker (not a partial preview). */
  public TranslatedPhrase(
      String streamId,
      boolean endOfStream,
      String sourceLanguage,
      String targetLanguage,
      String text,
      long startMs,
      long endMs,
      long firstCueSeq,
      int firstCueRevision,
      long captureTimeMs,
      String engine) {
    this(
        streamId,
        endOfStream,
        sourceLanguage,
        targetLanguage,
        text,
        startMs,
        endMs,
        firstCueSeq,
        firstCueRevision,
        captureTimeMs,
        engine,
        false);
  }

  /** Checks the fields. */
  public TranslatedPhrase {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(targetLanguage, "targetLanguage");
    Objects.requireNonNull(text, "text");
  }

  /** {@code request} translated into {@code target} as {@code text} by {@code engine}. */
  static TranslatedPhrase of(
      TranslationRequest request, String target, String text, String engine) {
    return new TranslatedPhrase(
        request.streamId(),
        false,
        request.sourceLanguage(),
        target,
        text,
        request.startMs(),
        request.endMs(),
        request.firstCueSeq(),
        request.firstCueRevision(),
        request.captureTimeMs(),
        engine,
        request.partial());
  }

  /** The end of {@code request}'s stream in {@code target}. */
  static TranslatedPhrase end(TranslationRequest request, String target) {
    return new TranslatedPhrase(
        request.streamId(),
        true,
        request.sourceLanguage(),
        target,
        "",
        request.endMs(),
        request.endMs(),
        -1,
        0,
        request.captureTimeMs(),
        "");
  }

  /**
   * Key of the (stream, target language) timeline; NUL cannot occur in a stream id or a language
   * tag, so distinct timelines get distinct keys.
   */
  public String timelineKey() {
    return streamId + '\u0000' + targetLanguage;
  }
}
