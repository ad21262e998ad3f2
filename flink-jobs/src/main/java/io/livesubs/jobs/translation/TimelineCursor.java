package io.livesubs.jobs.translation;

/**
 * Where one (stream, target language) timeline of {@link TranslatedCueEmitter} stands. Public and a
 * record only because Flink keeps it in keyed state as a POJO. Immutable and thread-safe.
 *
 * @param nextCueSeq number of the next translated cue
 * @param lastEndMs media end of the last translated cue, or -1 before the first
 */
public record TimelineCursor(long nextCueSeq, long lastEndMs) {

  /** A timeline before its first cue. */
  static TimelineCursor initial() {
    return new TimelineCursor(0, -1);
  }
}
