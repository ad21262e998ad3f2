package io.livesubs.sink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HlsSegmenterTest {

  private final HlsSegmenter segmenter = new HlsSegmenter(6000, 900_000);

  @Test
  void segmentsAreHalfOpenIntervals() {
    assertTrue(segmenter.overlaps(0, 5000, 7000));
    assertTrue(segmenter.overlaps(1, 5000, 7000));
    assertFalse(segmenter.overlaps(0, 6000, 7000), "starts exactly at the boundary");
    assertTrue(segmenter.overlaps(1, 6000, 7000));
    assertTrue(segmenter.overlaps(0, 5000, 6000));
    assertFalse(segmenter.overlaps(1, 5000, 6000), "ends exactly at the boundary");
    assertTrue(segmenter.overlaps(1, 6000, 6000), "zero-length cue in the segment of its start");
    assertFalse(segmenter.overlaps(0, 6000, 6000));
  }

  @Test
  void cueSpanningABoundaryIsInBothSegmentsClippedAndRelative() {
    List<Cue> timeline =
        List.of(
            new Cue("a", 1000, 2000, List.of("early")),
            new Cue("b", 5000, 7000, List.of("spans")),
            new Cue("c", 13000, 14000, List.of("third segment")));
    assertEquals(
        List.of(
            new Cue("a", 1000, 2000, List.of("early")), new Cue("b", 5000, 6000, List.of("spans"))),
        segmenter.cut(0, timeline));
    assertEquals(List.of(new Cue("b", 0, 1000, List.of("spans"))), segmenter.cut(1, timeline));
    assertEquals(
        List.of(new Cue("c", 1000, 2000, List.of("third segment"))), segmenter.cut(2, timeline));
  }

  @Test
  void cueLongerThanASegmentFillsTheMiddleOne() {
    List<Cue> cut = segmenter.cut(1, List.of(new Cue("long", 3000, 15000, List.of("x"))));
    assertEquals(List.of(new Cue("long", 0, 6000, List.of("x"))), cut);
  }

  @Test
  void timestampMapAdvancesByTheSegmentDurationOnThe90kHzClock() {
    assertEquals(900_000, segmenter.mpegTs(0));
    assertEquals(900_000 + 6 * 90_000, segmenter.mpegTs(1));
    assertEquals(900_000 + 100 * 6 * 90_000, segmenter.mpegTs(100));
  }

  @Test
  void timestampMapWrapsAt2To33() {
    HlsSegmenter nearWrap = new HlsSegmenter(6000, (1L << 33) - 90_000);
    assertEquals((1L << 33) - 90_000, nearWrap.mpegTs(0));
    assertEquals(540_000 - 90_000, nearWrap.mpegTs(1));
  }

  @Test
  void liveTimelinesPublishOnlyCompletedSegments() {
    assertEquals(0, segmenter.publishedSegments(5999, false, -1));
    assertEquals(1, segmenter.publishedSegments(6000, false, -1));
    assertEquals(1, segmenter.publishedSegments(11_999, false, -1));
    assertEquals(2, segmenter.publishedSegments(12_000, false, -1));
  }

  @Test
  void endedTimelinesPublishTheShorterLastSegment() {
    assertEquals(2, segmenter.publishedSegments(0, true, 12_000));
    assertEquals(3, segmenter.publishedSegments(0, true, 12_001));
    assertEquals(0, segmenter.publishedSegments(0, true, 0));
  }

  @Test
  void playlistSlidesItsWindow() {
    MediaPlaylist live = segmenter.playlist(25 * 6000 + 10, false, -1, 10);
    assertEquals(15, live.mediaSequence());
    assertEquals(10, live.segments().size());
    assertEquals(24, live.segments().get(9).index());
    assertFalse(live.ended());
    assertEquals(6, live.targetDurationSeconds());
  }

  @Test
  void endedPlaylistEndsWithTheRemainder() {
    MediaPlaylist ended = segmenter.playlist(0, true, 14_500, 10);
    assertEquals(0, ended.mediaSequence());
    assertEquals(
        List.of(
            new MediaPlaylist.Segment(0, 6000),
            new MediaPlaylist.Segment(1, 6000),
            new MediaPlaylist.Segment(2, 2500)),
        ended.segments());
    assertTrue(ended.ended());
  }

  @Test
  void targetDurationRoundsUp() {
    assertEquals(3, new HlsSegmenter(2001, 0).targetDurationSeconds());
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new HlsSegmenter(999, 0));
    assertThrows(IllegalArgumentException.class, () -> new HlsSegmenter(6000, -1));
    assertThrows(IllegalArgumentException.class, () -> new HlsSegmenter(6000, 1L << 33));
    assertThrows(IllegalArgumentException.class, () -> segmenter.playlist(0, false, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> segmenter.mpegTs(-1));
  }
}
