package io.livesubs.sink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttWriterTest {

  @Test
  void writesHeaderIdsTimingsAndLines() {
    String vtt =
        WebVttWriter.document(
            List.of(
                new Cue("0", 1000, 2500, List.of("Hello", "world")),
                new Cue("1", 3_723_004, 3_724_000, List.of("Later"))));
    assertEquals(
        "WEBVTT\n\n"
            + "0\n00:00:01.000 --> 00:00:02.500\nHello\nworld\n\n"
            + "1\n01:02:03.004 --> 01:02:04.000\nLater\n\n",
        vtt);
  }

  @Test
  void escapesReservedCharactersIncludingArrowInText() {
    String vtt =
        WebVttWriter.document(List.of(new Cue("7", 0, 1000, List.of("Tom & Jerry <3 --> end"))));
    assertTrue(vtt.contains("\nTom &amp; Jerry &lt;3 --&gt; end\n"), vtt);
    // The only arrow left is the timing line's.
    assertEquals(1, vtt.split("-->", -1).length - 1);
  }

  @Test
  void dropsBlankLinesThatWouldEndTheCueAndSkipsCuesWithoutText() {
    String vtt =
        WebVttWriter.document(
            List.of(
                new Cue("1", 0, 1000, List.of("first", "", "second\n\nthird")),
                new Cue("2", 1000, 2000, List.of("  ", ""))));
    assertEquals("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nfirst\nsecond\nthird\n\n", vtt);
    assertFalse(vtt.contains("\n2\n"));
  }

  @Test
  void segmentCarriesTimestampMap() {
    String segment = WebVttWriter.segment(1_440_000, List.of(new Cue("4", 0, 500, List.of("x"))));
    assertTrue(
        segment.startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:1440000,LOCAL:00:00:00.000\n\n"),
        segment);
    assertTrue(segment.endsWith("4\n00:00:00.000 --> 00:00:00.500\nx\n\n"), segment);
  }

  @Test
  void segmentRejectsTimestampsOutsideThe33BitRange() {
    assertThrows(IllegalArgumentException.class, () -> WebVttWriter.segment(1L << 33, List.of()));
    assertThrows(IllegalArgumentException.class, () -> WebVttWriter.segment(-1, List.of()));
  }

  @Test
  void cueRejectsIdsThatBreakTheFormatAndInvertedTimes() {
    assertThrows(IllegalArgumentException.class, () -> new Cue("a-->b", 0, 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Cue("a\nb", 0, 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Cue("a", 5, 4, List.of()));
  }
}
