package io.livesubs.jobs.translation;

/**
 * The final source cues of the phrase being assembled by {@link TranslationPlanner} for one stream,
 * and the targets fixed when its first cue arrived. Public and a record only because Flink keeps it
 * in keyed state as a POJO; treat the array as read-only. Immutable by convention.
 *
 * @param language source language of the cues
 * @param targets target languages of this phrase
 * @param text the cues' lines so far, joined by spaces
 * @param startMs media start of the first cue
 * @param endMs media end of the latest cue
 * @param firstCueSeq cue number of the first cue
 * @param firstCueRevision revision of the first cue
 * @param captureTimeMs capture time of the latest cue's end
 */
public record PhraseBuffer(
    String language,
    String[] targets,
    String text,
    long startMs,
    long endMs,
    long firstCueSeq,
    int firstCueRevision,
    long captureTimeMs) {

  /** This buffer with one more cue's text appended. */
  PhraseBuffer append(String more, long cueEndMs, long cueCaptureTimeMs) {
    return new PhraseBuffer(
        language,
        targets,
        text + " " + more,
        startMs,
        Math.max(endMs, cueEndMs),
        firstCueSeq,
        firstCueRevision,
        cueCaptureTimeMs);
  }

  /** The request translating this phrase for {@code streamId}. */
  TranslationRequest toRequest(String streamId) {
    return new TranslationRequest(
        streamId,
        false,
        language,
        targets,
        text,
        startMs,
        endMs,
        firstCueSeq,
        firstCueRevision,
        captureTimeMs);
  }
}
