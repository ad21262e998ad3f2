package io.livesubs.jobs.ordering;

import java.util.Arrays;

/**
 * Where one stream stands in {@link ChunkSequencer}: the next seq and media offset to emit, the
 * timers it holds, and recent seq ranges given up as gaps (to tell a late chunk from a duplicate).
 *
 * <p>Keyed state, one instance per stream, owned by the sequencer and touched only from its task
 * thread. Mutable with public fields so that Flink serializes it as a POJO; nothing outside the
 * ordering package should hold one.
 */
public final class StreamCursor {

  /** Marker for "no timer registered". */
  public static final long NO_TIMER = Long.MIN_VALUE;

  /** How many given-up seq ranges are remembered; older ones count as duplicates. */
  static final int MAX_GIVEN_UP_RANGES = 16;

  /** Seq of the next chunk to emit. */
  public long nextSeq;

  /** Media offset, in samples, just after the last emitted element. */
  public long nextOffsetSamples;

  /** Capture time at {@link #nextOffsetSamples}, or {@link Long#MIN_VALUE} before any chunk. */
  public long nextCaptureTimeMs = Long.MIN_VALUE;

  /** Newest capture time received for the stream (drives the stream timeout). */
  public long maxCaptureTimeMs = Long.MIN_VALUE;

  /** Number of chunks buffered in the sequencer's map state. */
  public int pendingCount;

  /** Event-time timer for the earliest buffered chunk's capture time, or {@link #NO_TIMER}. */
  public long holeTimerMs = NO_TIMER;

  /** Event-time timer checking the stream timeout, or {@link #NO_TIMER}. */
  public long timeoutTimerMs = NO_TIMER;

  /**
   * Processing-time timer that ends the stream when its end-of-stream chunk waits behind a missing
   * chunk, or {@link #NO_TIMER}.
   */
  public long endWaitTimerMs = NO_TIMER;

  /** Whether the end-of-stream chunk was emitted; the cursor is then a short-lived tombstone. */
  public boolean ended;

  /** Capture time of the end-of-stream chunk, when {@link #ended}. */
  public long endCaptureTimeMs;

  /** Sample rate of the last chunk received (for GAP and END elements). */
  public int sampleRate;

  /** Language hint of the last chunk received, or {@code null}. */
  public String languageHint;

  /** Given-up seq ranges as [from, to) pairs, oldest first. */
  public long[] givenUp = new long[0];

  /** A cursor for a stream not seen before: it starts at seq 0, media offset 0. */
  public StreamCursor() {}

  /** Whether {@code seq} lies in a remembered range that was given up as a gap. */
  public boolean wasGivenUp(long seq) {
    for (int i = 0; i < givenUp.length; i += 2) {
      if (seq >= givenUp[i] && seq < givenUp[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Remembers that seqs {@code [from, to)} were given up, forgetting the oldest range if full. */
  public void recordGivenUp(long from, long to) {
    int keep = Math.min(givenUp.length, 2 * (MAX_GIVEN_UP_RANGES - 1));
    long[] next = Arrays.copyOfRange(givenUp, givenUp.length - keep, givenUp.length + 2);
    next[keep] = from;
    next[keep + 1] = to;
    givenUp = next;
  }
}
