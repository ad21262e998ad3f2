package io.livesubs.jobs.cues;

import io.livesubs.jobs.speech.RecognizedWord;

/**
 * What {@link CueEmitter} has made final of a stream's open speech segment, and the last partial
 * hypothesis it saw (the other half of the next agreement). Kept in keyed state so a restore
 * neither forgets nor repeats a commit. Public only because Flink serializes it as a POJO (Java
 * record); nothing outside the cues package should hold one. Immutable; the array is never
 * modified.
 *
 * @param segmentStartMs start of the segment this belongs to
 * @param committedWords words of the segment already in final cues
 * @param committedEndMs media time the last committed word ends, or {@link CueCursor#NONE}
 * @param lastWords the words of the segment's last partial hypothesis
 */
public record SegmentCommit(
    long segmentStartMs, int committedWords, long committedEndMs, RecognizedWord[] lastWords) {

  /** A segment with nothing committed whose last hypothesis is {@code words}. */
  static SegmentCommit fresh(long segmentStartMs, RecognizedWord[] words) {
    return new SegmentCommit(segmentStartMs, 0, CueCursor.NONE, words);
  }

  /** This state with {@code words} the last hypothesis. */
  SegmentCommit seen(RecognizedWord[] words) {
    return new SegmentCommit(segmentStartMs, committedWords, committedEndMs, words);
  }

  /** This state after committing {@code words} more words ending at {@code endMs}. */
  SegmentCommit committed(int words, long endMs) {
    return new SegmentCommit(segmentStartMs, committedWords + words, endMs, lastWords);
  }
}
