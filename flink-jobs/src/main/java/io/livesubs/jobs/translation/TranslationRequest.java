package io.livesubs.jobs.translation;

import java.util.Arrays;
import java.util.Objects;

/**
 * A phrase of one stream to translate, or the stream's end, from {@link TranslationPlanner} to
 * {@link AsyncTranslateFunction}. A phrase is the text of the final source cues of one final
 * recognition, in order; its span runs from the first cue's start to the last cue's end. Public and
 * a record only because Flink serializes it as a POJO; treat the array as read-only. Thread-safe.
 *
 * @param streamId the stream
 * @param endOfStream true for the end marker: {@code targetLanguages} are every language the stream
 *     was translated into, {@code endMs} its media duration, and there is no text
 * @param sourceLanguage BCP-47 language of the source cues
 * @param targetLanguages languages to translate into (fixed when the phrase's first cue arrived)
 * @param text the phrase ({@code ""} for the end marker)
 * @param startMs media start of the phrase's first source cue
 * @param endMs media end of the phrase's last source cue
 * @param firstCueSeq cue number of the phrase's first source cue
 * @param firstCueRevision revision of that cue
 * @param captureTimeMs capture wall-clock time of the audio at {@code endMs}
 * @param partial true for a preview of the open phrase (a source partial cue's text, with {@code
 *     translation.partials} on); {@code ""} text then withdraws the open translated partial
 */
public record TranslationRequest(
    String streamId,
    boolean endOfStream,
    String sourceLanguage,
    String[] targetLanguages,
    String text,
    long startMs,
    long endMs,
    long firstCueSeq,
    int firstCueRevision,
    long captureTimeMs,
    boolean partial) {

  /** A request for a whole phrase or the end marker (not a partial preview). */
  public TranslationRequest(
      String streamId,
      boolean endOfStream,
      String sourceLanguage,
      String[] targetLanguages,
      String text,
      long startMs,
      long endMs,
      long firstCueSeq,
      int firstCueRevision,
      long captureTimeMs) {
    this(
        streamId,
        endOfStream,
        sourceLanguage,
        targetLanguages,
        text,
        startMs,
        endMs,
        firstCueSeq,
        firstCueRevision,
        captureTimeMs,
        false);
  }

  /** Checks the fields. */
  public TranslationRequest {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(sourceLanguage, "sourceLanguage");
    Objects.requireNonNull(targetLanguages, "targetLanguages");
    Objects.requireNonNull(text, "text");
    if (endMs < startMs) {
      throw new IllegalArgumentException("phrase ends before it starts: " + startMs + ".." + endMs);
    }
  }

  /**
   * A preview of the open phrase of {@code streamId}: the source partial cue's text (or {@code ""}
   * to withdraw the translated preview), spanning {@code startMs..endMs}.
   */
  static TranslationRequest partial(
      String streamId,
      String sourceLanguage,
      String[] targets,
      String text,
      long startMs,
      long endMs,
      long captureTimeMs) {
    return new TranslationRequest(
        streamId, false, sourceLanguage, targets, text, startMs, endMs, -1, 0, captureTimeMs, true);
  }

  /** The end of {@code streamId}, to be marked in every language of {@code targets}. */
  static TranslationRequest end(
      String streamId, String sourceLanguage, String[] targets, long endMs, long captureTimeMs) {
    return new TranslationRequest(
        streamId, true, sourceLanguage, targets, "", endMs, endMs, -1, 0, captureTimeMs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TranslationRequest r
        && streamId.equals(r.streamId)
        && endOfStream == r.endOfStream
        && sourceLanguage.equals(r.sourceLanguage)
        && Arrays.equals(targetLanguages, r.targetLanguages)
        && text.equals(r.text)
        && startMs == r.startMs
        && endMs == r.endMs
        && firstCueSeq == r.firstCueSeq
        && firstCueRevision == r.firstCueRevision
        && captureTimeMs == r.captureTimeMs
        && partial == r.partial;
  }

  @Override
  public int hashCode() {
    return Objects.hash(streamId, text, startMs, endMs, firstCueSeq) * 31
        + Arrays.hashCode(targetLanguages);
  }

  @Override
  public String toString() {
    return "TranslationRequest["
        + streamId
        + (endOfStream ? " END" : (partial ? " partial '" : " '") + text + "'")
        + " "
        + Arrays.toString(targetLanguages)
        + " "
        + startMs
        + ".."
        + endMs
        + " from cue "
        + firstCueSeq
        + "]";
  }
}
