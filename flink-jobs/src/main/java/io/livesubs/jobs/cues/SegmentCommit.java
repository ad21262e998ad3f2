package io.livesubs.jobs.cues;

import io.livesubs.jobs.captions.TimedWord;
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
 * @param committedLastWord the text of the last committed word, or null
 * @param lastWords the words of the segment's last partial hypothesis
 */
public record SegmentCommit(
    long segmentStartMs,
    int committedWords,
    long committedEndMs,
    String committedLastWord,
    RecognizedWord[] lastWords) {

  /** A segment with nothing committed whose last hypothesis is {@code words}. */
  static SegmentCommit fresh(long segmentStartMs, RecognizedWord[] words) {
    return new SegmentCommit(segmentStartMs, 0, CueCursor.NONE, null, words);
  }

  /** What is committed of the segment. */
  CommittedRegion region() {
    return committedEndMs == CueCursor.NONE
        ? CommittedRegion.NONE
        : new CommittedRegion(committedEndMs, committedLastWord);
  }

  /** This state with {@code words} the last hypothesis. */
  SegmentCommit seen(RecognizedWord[] words) {
    return new SegmentCommit(
        segmentStartMs, committedWords, committedEndMs, committedLastWord, words);
  }

  /** This state after committing {@code words} more words, the last {@code last}. */
  SegmentCommit committed(int words, TimedWord last) {
    return new SegmentCommit(
        segmentStartMs,
        committedWords + words,
        Math.max(last.endMs(), committedEndMs),
        last.text(),
        lastWords);
  }
}
