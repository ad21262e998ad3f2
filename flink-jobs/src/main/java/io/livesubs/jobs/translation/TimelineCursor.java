package io.livesubs.jobs.translation;

/**
 * Where one (stream, target language) timeline of {@link TranslatedCueEmitter} stands. Public and a
 * record only because Flink keeps it in keyed state as a POJO. Immutable and thread-safe.
 *
 * @param nextCueSeq number of the next translated cue (an open partial preview has this number)
 * @param lastEndMs media end of the last translated cue, or -1 before the first
 * @param openRevision last revision of the open partial preview (numbered {@code nextCueSeq}), or
 *     -1 when none is open
 */
public record TimelineCursor(long nextCueSeq, long lastEndMs, int openRevision) {

  /** A cursor without an open partial preview. */
  public TimelineCursor(long nextCueSeq, long lastEndMs) {
    this(nextCueSeq, lastEndMs, -1);
  }

  /** A timeline before its first cue. */
  static TimelineCursor initial() {
    return new TimelineCursor(0, -1, -1);
  }

  /** Whether a partial preview is on screen (numbered {@link #nextCueSeq}). */
  boolean hasOpenPartial() {
    return openRevision >= 0;
  }

  /**
   * The revision the next cue numbered {@link #nextCueSeq} gets: after the open preview's, so that
   * it replaces the preview for consumers keeping the highest revision.
   */
  int nextRevision() {
    return openRevision + 1;
  }
}
