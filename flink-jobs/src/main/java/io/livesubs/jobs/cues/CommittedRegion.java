package io.livesubs.jobs.cues;

import io.livesubs.jobs.captions.TimedWord;
import java.util.List;

/**
 * The part of an open speech segment already made final: up to {@code endMs}, its last word {@code
 * lastWord}. Later hypotheses and the final result may re-time or re-spell words the engine already
 * gave; {@link #after} drops those so that no word is shown twice. Immutable.
 *
 * @param endMs media time the last committed word ends, or {@link CueCursor#NONE} when nothing is
 *     committed
 * @param lastWord the text of the last committed word, or null when nothing is committed
 */
record CommittedRegion(long endMs, String lastWord) {

  /** Nothing committed. */
  static final CommittedRegion NONE = new CommittedRegion(CueCursor.NONE, null);

  /**
   * The words of {@code words} after this region. A word belongs to the region when its midpoint
   * lies before the region's end, or when it overlaps the region and repeats its last word (the
   * engine re-timed that word by more than half its length, which it does when it commits to a word
   * only after hearing what follows). Filtering, not cutting at the first word past the end, also
   * drops an overlapping word the engine timed inside the region after a later one.
   */
  List<TimedWord> after(List<TimedWord> words) {
    if (endMs == CueCursor.NONE) {
      return words;
    }
    return words.stream().filter(w -> !contains(w)).toList();
  }

  private boolean contains(TimedWord w) {
    boolean midpointInside = w.startMs() + w.endMs() < 2 * endMs;
    boolean repeatsLastWord = w.startMs() < endMs && w.text().equals(lastWord);
    return midpointInside || repeatsLastWord;
  }
}
