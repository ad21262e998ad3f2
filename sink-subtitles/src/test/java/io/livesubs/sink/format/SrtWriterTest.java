package io.livesubs.sink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SrtWriterTest {

  @Test
  void numbersCuesConsecutivelyWithCommaTimestamps() {
    String srt =
        SrtWriter.document(
            List.of(
                new Cue("10", 1000, 2000, List.of("one")),
                new Cue("11", 2000, 3000, List.of("")),
                new Cue("12", 3_723_004, 3_724_000, List.of("two", "lines"))));
    assertEquals(
        "1\n00:00:01,000 --> 00:00:02,000\none\n\n"
            + "2\n01:02:03,004 --> 01:02:04,000\ntwo\nlines\n\n",
        srt);
  }

  @Test
  void leavesTextUnescaped() {
    String srt = SrtWriter.document(List.of(new Cue("0", 0, 1, List.of("a & <b>"))));
    assertEquals("1\n00:00:00,000 --> 00:00:00,001\na & <b>\n\n", srt);
  }

  @Test
  void emptyTimelineIsEmptyDocument() {
    assertEquals("", SrtWriter.document(List.of()));
  }
}
