package io.livesubs.jobs.speech.whisper;

/**
 * What {@link WindowPlanner} keeps in keyed state about a stream's open segment, next to the audio
 * of its current part. Public only because Flink serializes it as a POJO (Java record). Immutable.
 *
 * @param partStart first sample of the current part (the segment start, or the last forced cut)
 * @param buffered samples of the part kept in state
 * @param decodedTo samples of the part covered by its last window
 * @param sampleRate samples per second
 * @param captureAnchorMs the latest capture anchor of the stream, epoch ms
 * @param languageHint the stream's language hint, or {@code null}
 */
public record PlannedSegment(
    long partStart,
    long buffered,
    long decodedTo,
    int sampleRate,
    long captureAnchorMs,
    String languageHint) {

  /** The part as the schedule sees it. */
  WindowSchedule.Part part() {
    return new WindowSchedule.Part(partStart, buffered, decodedTo);
  }

  /** This segment with {@code part} and the anchor {@code anchorMs}. */
  PlannedSegment with(WindowSchedule.Part part, long anchorMs) {
    return new PlannedSegment(
        part.startSample(), part.buffered(), part.decodedTo(), sampleRate, anchorMs, languageHint);
  }
}
