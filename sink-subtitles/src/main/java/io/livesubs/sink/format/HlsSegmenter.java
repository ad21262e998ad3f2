package io.livesubs.sink.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a subtitle timeline into HLS WebVTT segments by media time. Segment {@code n} covers {@code
 * [n*T, (n+1)*T)} for target duration {@code T}; a cue belongs to every segment its interval
 * overlaps, so a cue spanning a boundary appears in both segments. Inside a segment, cue times are
 * relative to the segment start and clipped to it (WebVTT has no negative times), and the segment's
 * {@code X-TIMESTAMP-MAP} maps local zero to {@code (offset + n*T)} on the 90 kHz MPEG-TS clock,
 * modulo 2^33. The two copies of a boundary-spanning cue are therefore contiguous and never overlap
 * on screen.
 *
 * <p>Which segments exist: while a timeline is live, the segments that end at or before its
 * finalised media time (nothing in them changes any more); once it ended, every segment up to the
 * end, the last one possibly shorter. Immutable and thread-safe.
 */
public final class HlsSegmenter {

  /** The MPEG-TS presentation timestamps wrap at 2^33. */
  public static final long MPEG_TS_MODULUS = 1L << 33;

  /** Ticks of the MPEG-TS clock per millisecond (90 kHz). */
  public static final long TICKS_PER_MS = 90;

  private final long targetDurationMs;
  private final long mpegTsOffset;

  /**
   * @param targetDurationMs segment duration T in ms, at least 1000
   * @param mpegTsOffset presentation timestamp of media time zero (90 kHz ticks), in [0, 2^33)
   */
  public HlsSegmenter(long targetDurationMs, long mpegTsOffset) {
    if (targetDurationMs < 1000) {
      throw new IllegalArgumentException(
          "segment target duration must be at least 1000 ms, got " + targetDurationMs);
    }
    if (mpegTsOffset < 0 || mpegTsOffset >= MPEG_TS_MODULUS) {
      throw new IllegalArgumentException("MPEG-TS offset out of range [0, 2^33): " + mpegTsOffset);
    }
    this.targetDurationMs = targetDurationMs;
    this.mpegTsOffset = mpegTsOffset;
  }

  /** Returns the target duration T in ms. */
  public long targetDurationMs() {
    return targetDurationMs;
  }

  /** Returns {@code #EXT-X-TARGETDURATION}: T rounded up to whole seconds. */
  public int targetDurationSeconds() {
    return (int) ((targetDurationMs + 999) / 1000);
  }

  /** Returns the media time segment {@code n} starts at. */
  public long segmentStartMs(long n) {
    return Math.multiplyExact(checkIndex(n), targetDurationMs);
  }

  /** Returns the presentation timestamp (90 kHz, modulo 2^33) of segment {@code n}'s start. */
  public long mpegTs(long n) {
    long ticks = Math.multiplyExact(segmentStartMs(n), TICKS_PER_MS);
    return Math.floorMod(mpegTsOffset + Math.floorMod(ticks, MPEG_TS_MODULUS), MPEG_TS_MODULUS);
  }

  /**
   * Returns whether a cue over {@code [startMs, endMs)} belongs to segment {@code n}. A zero-length
   * cue belongs to the segment containing its start.
   */
  public boolean overlaps(long n, long startMs, long endMs) {
    long segStart = segmentStartMs(n);
    long segEnd = segStart + targetDurationMs;
    if (endMs <= startMs) {
      return startMs >= segStart && startMs < segEnd;
    }
    return startMs < segEnd && endMs > segStart;
  }

  /**
   * Returns the cues of segment {@code n}, times relative to the segment start and clipped to it,
   * ordered by start time.
   *
   * @param timeline cues in media time, in any order
   */
  public List<Cue> cut(long n, List<Cue> timeline) {
    long segStart = segmentStartMs(n);
    long segEnd = segStart + targetDurationMs;
    List<Cue> out = new ArrayList<>();
    for (Cue cue : timeline) {
      if (overlaps(n, cue.startMs(), cue.endMs())) {
        long start = Math.max(cue.startMs(), segStart) - segStart;
        long end = Math.min(Math.max(cue.endMs(), cue.startMs()), segEnd) - segStart;
        out.add(new Cue(cue.id(), start, Math.max(start, end), cue.lines()));
      }
    }
    out.sort(Comparator.comparingLong(Cue::startMs).thenComparingLong(Cue::endMs));
    return out;
  }

  /**
   * Returns how many segments (0 … count-1) are published for a timeline.
   *
   * @param finalisedMs media time before which the timeline no longer changes (live)
   * @param ended whether the timeline ended
   * @param endMs media duration when ended (ignored while live)
   */
  public long publishedSegments(long finalisedMs, boolean ended, long endMs) {
    if (ended) {
      return Math.max(0, endMs) / targetDurationMs
          + (Math.max(0, endMs) % targetDurationMs > 0 ? 1 : 0);
    }
    return Math.max(0, finalisedMs) / targetDurationMs;
  }

  /**
   * Builds the live media playlist model: the last {@code window} published segments, and {@code
   * ended} so the writer adds {@code #EXT-X-ENDLIST}.
   */
  public MediaPlaylist playlist(long finalisedMs, boolean ended, long endMs, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("playlist window must be >= 1 segment, got " + window);
    }
    long count = publishedSegments(finalisedMs, ended, endMs);
    long first = Math.max(0, count - window);
    List<MediaPlaylist.Segment> segments = new ArrayList<>();
    for (long n = first; n < count; n++) {
      long duration = targetDurationMs;
      if (ended && n == count - 1) {
        duration = endMs - segmentStartMs(n);
      }
      segments.add(new MediaPlaylist.Segment(n, duration));
    }
    return new MediaPlaylist(targetDurationSeconds(), first, segments, ended);
  }

  private static long checkIndex(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("segment index must be >= 0, got " + n);
    }
    return n;
  }
}
