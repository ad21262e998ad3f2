package io.livesubs.sink.format;

import java.util.List;

/**
 * Model of an HLS media playlist of WebVTT segments, as {@link HlsSegmenter} computes it and {@link
 * HlsPlaylistWriter} writes it. Immutable.
 *
 * @param targetDurationSeconds {@code #EXT-X-TARGETDURATION}
 * @param mediaSequence {@code #EXT-X-MEDIA-SEQUENCE}: index of the first listed segment
 * @param segments listed segments, consecutive indices starting at {@code mediaSequence}
 * @param ended whether {@code #EXT-X-ENDLIST} is written
 */
public record MediaPlaylist(
    int targetDurationSeconds, long mediaSequence, List<Segment> segments, boolean ended) {

  /** Checks consistency and copies {@code segments}. */
  public MediaPlaylist {
    if (targetDurationSeconds < 1 || mediaSequence < 0) {
      throw new IllegalArgumentException(
          "invalid playlist: target duration "
              + targetDurationSeconds
              + " s, media sequence "
              + mediaSequence);
    }
    segments = List.copyOf(segments);
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).index() != mediaSequence + i) {
        throw new IllegalArgumentException(
            "segment indices must be consecutive from " + mediaSequence + ": " + segments);
      }
    }
  }

  /**
   * One listed segment.
   *
   * @param index segment number n, also its file name {@code n.vtt}
   * @param durationMs media duration of the segment
   */
  public record Segment(long index, long durationMs) {}
}
