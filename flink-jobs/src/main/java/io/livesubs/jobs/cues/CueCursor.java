package io.livesubs.jobs.cues;

/**
 * Where one stream stands in {@link CueEmitter}: the cue numbering, the partial cue on screen and
 * the end of the last final cue. Public only because Flink serializes it as a POJO (Java record);
 * nothing outside the cues package should hold one. Immutable.
 *
 * @param nextCueSeq the number the next new cue gets
 * @param openCueSeq the number of the partial cue being revised, or {@link #NONE}
 * @param openRevision the last revision emitted of the open cue
 * @param lastFinalEndMs media time the last final cue ends, or {@link #NONE}
 */
public record CueCursor(long nextCueSeq, long openCueSeq, int openRevision, long lastFinalEndMs) {

  /** No open cue, or no final cue yet. */
  public static final long NONE = -1;

  /** A stream without cues. */
  static CueCursor initial() {
    return new CueCursor(0, NONE, 0, NONE);
  }

  /** Whether a partial cue is open. */
  boolean hasOpenCue() {
    return openCueSeq != NONE;
  }

  /** The identity of the next partial revision: the open cue's next revision, or a new cue. */
  CueCursor nextPartial() {
    return hasOpenCue()
        ? new CueCursor(nextCueSeq, openCueSeq, openRevision + 1, lastFinalEndMs)
        : new CueCursor(nextCueSeq + 1, nextCueSeq, 0, lastFinalEndMs);
  }

  /** After final cues up to {@code endMs} (or unchanged {@code lastFinalEndMs} for NONE). */
  CueCursor afterFinals(long nextCueSeq, long endMs) {
    return new CueCursor(nextCueSeq, NONE, 0, endMs == NONE ? lastFinalEndMs : endMs);
  }
}
