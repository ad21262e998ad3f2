package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionPrinterTest {

  private static CueRevision cue(boolean fin, String text) {
    return new CueRevision("s", "en", 0, 0, fin, 61_250, 3_725_999, List.of(text), 0, 0);
  }

  @Test
  void clockShowsTenthsRoundedDown() {
    assertEquals("00:00:00.0", CaptionPrinter.clock(99));
    assertEquals("00:01:01.2", CaptionPrinter.clock(61_250));
    assertEquals("01:02:05.9", CaptionPrinter.clock(3_725_999));
  }

  @Test
  void withoutATerminalOnlyFinalLinesAppear() {
    StringWriter out = new StringWriter();
    CaptionPrinter printer = new CaptionPrinter(new PrintWriter(out), false);
    printer.partial(cue(false, "hel"));
    printer.finalCue(cue(true, "hello"));
    assertEquals(
        "[s en 00:01:01.2 \u2192 01:02:05.9] hello" + System.lineSeparator(), out.toString());
  }

  @Test
  void onATerminalThePartialIsRedrawnInPlaceAndReplacedByTheFinal() {
    StringWriter out = new StringWriter();
    CaptionPrinter printer = new CaptionPrinter(new PrintWriter(out), true);
    printer.partial(cue(false, "hel"));
    printer.partial(cue(false, "hello wo"));
    printer.finalCue(cue(true, "hello world"));
    String text = out.toString();
    assertEquals(
        "\r\u001b[2K\u2026 [s] hel\r\u001b[2K\u2026 [s] hello wo\r\u001b[2K"
            + "[s en 00:01:01.2 \u2192 01:02:05.9] hello world"
            + System.lineSeparator(),
        text);
  }

  @Test
  void longPartialsShowTheirTailOnOneLine() {
    StringWriter out = new StringWriter();
    CaptionPrinter printer = new CaptionPrinter(new PrintWriter(out), true);
    String words = "word ".repeat(40) + "latest";
    printer.partial(cue(false, words));
    String shown = out.toString().substring("\r\u001b[2K".length());
    assertEquals(CaptionPrinter.MAX_PARTIAL_CHARS, shown.length(), shown);
    assertTrue(shown.endsWith("latest"), shown);
    assertFalse(shown.contains("\n"));
  }
}
