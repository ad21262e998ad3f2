package io.livesubs.sink.topology;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per (stream, language) state kept in the timelines store (JSON in the store and its changelog):
 * whether the timeline ended, its change counter and the media times that decide which HLS segments
 * are published. Immutable; the {@code after…} methods return the next state.
 *
 * @param streamId stream id
 * @param language language tag
 * @param ended whether the end-of-stream marker arrived
 * @param endMs media duration once ended, else -1
 * @param lastChangeSeq change number of the last change (0 before the first)
 * @param cueCount distinct cues stored
 * @param finalCueCount cues whose stored version is final
 * @param ignoredUpdates versions that changed nothing (duplicates, stale revisions)
 * @param maxEndMs largest {@code endMs} of any stored version
 * @param maxFinalEndMs largest {@code endMs} of a final cue, -1 before the first
 * @param maxFinalCueSeq largest cue number of a final cue, -1 before the first
 * @param progressMs media time of the latest progress marker, -1 before the first
 * @param openPartials cue number → start of cues whose stored version is partial and newer than the
 *     last final cue
 * @param lastEmittedAtMs producer wall-clock time of the latest stored version
 */
public record TimelineState(
    String streamId,
    String language,
    boolean ended,
    long endMs,
    long lastChangeSeq,
    long cueCount,
    long finalCueCount,
    long ignoredUpdates,
    long maxEndMs,
    long maxFinalEndMs,
    long maxFinalCueSeq,
    long progressMs,
    SortedMap<Long, Long> openPartials,
    long lastEmittedAtMs) {

  /** Copies {@code openPartials} into an unmodifiable sorted map. */
  public TimelineState {
    openPartials =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(openPartials == null ? Map.of() : openPartials));
  }

  /** Returns the state of a timeline nothing has been stored for yet. */
  public static TimelineState initial(String streamId, String language) {
    return new TimelineState(
        streamId, language, false, -1, 0, 0, 0, 0, 0, -1, -1, -1, new TreeMap<>(), 0);
  }

  /**
   * Returns the media time before which the timeline no longer changes: the end once ended; while
   * live, the end of the final cues (or the progress marker, if later), but never past the start of
   * a cue that is still partial.
   */
  public long finalisedMs() {
    if (ended) {
      return endMs;
    }
    long settled = Math.max(Math.max(maxFinalEndMs, progressMs), 0);
    for (long partialStart : openPartials.values()) {
      settled = Math.min(settled, partialStart);
    }
    return settled;
  }

  /** Returns how far media time has got: the end once ended, else the latest cue end. */
  public long mediaMs() {
    return ended ? endMs : maxEndMs;
  }

  /** Returns the state after {@code next} replaced {@code previous} (null when new). */
  public TimelineState afterCue(StoredCue previous, StoredCue next) {
    TreeMap<Long, Long> partials = new TreeMap<>(openPartials);
    long finalEnd = maxFinalEndMs;
    long finalSeq = maxFinalCueSeq;
    if (next.finalCue()) {
      finalEnd = Math.max(finalEnd, next.endMs());
      finalSeq = Math.max(finalSeq, next.cueSeq());
      // Partials older than a final cue were abandoned by the producer; they must not hold the
      // playlist back forever.
      partials.headMap(finalSeq, true).clear();
    } else if (next.cueSeq() > finalSeq) {
      partials.put(next.cueSeq(), next.startMs());
    }
    boolean becameFinal = next.finalCue() && (previous == null || !previous.finalCue());
    return new TimelineState(
        streamId,
        language,
        ended,
        ended ? Math.max(endMs, next.endMs()) : endMs,
        next.changeSeq(),
        cueCount + (previous == null ? 1 : 0),
        finalCueCount + (becameFinal ? 1 : 0),
        ignoredUpdates,
        Math.max(maxEndMs, next.endMs()),
        finalEnd,
        finalSeq,
        progressMs,
        partials,
        Math.max(lastEmittedAtMs, next.emittedAtMs()));
  }

  /** Returns the state after a version that changed nothing. */
  public TimelineState afterIgnored() {
    return new TimelineState(
        streamId,
        language,
        ended,
        endMs,
        lastChangeSeq,
        cueCount,
        finalCueCount,
        ignoredUpdates + 1,
        maxEndMs,
        maxFinalEndMs,
        maxFinalCueSeq,
        progressMs,
        openPartials,
        lastEmittedAtMs);
  }

  /**
   * Returns the state after the end-of-stream marker: ended at the later of {@code markerEndMs} and
   * the end of every cue, with change number {@code changeSeq}.
   */
  public TimelineState afterEndOfStream(long markerEndMs, long changeSeq) {
    return new TimelineState(
        streamId,
        language,
        true,
        Math.max(markerEndMs, maxEndMs),
        changeSeq,
        cueCount,
        finalCueCount,
        ignoredUpdates,
        maxEndMs,
        maxFinalEndMs,
        maxFinalCueSeq,
        progressMs,
        openPartials,
        lastEmittedAtMs);
  }

  /** Returns the state after a progress marker at {@code mediaMs}. */
  public TimelineState afterProgress(long mediaMs) {
    return new TimelineState(
        streamId,
        language,
        ended,
        endMs,
        lastChangeSeq,
        cueCount,
        finalCueCount,
        ignoredUpdates,
        maxEndMs,
        maxFinalEndMs,
        maxFinalCueSeq,
        Math.max(progressMs, mediaMs),
        openPartials,
        lastEmittedAtMs);
  }
}
