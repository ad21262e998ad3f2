package io.livesubs.inference.asr.whisper.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.testsupport.ReferenceCommands;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionRatioTest {
  private static final List<String> TEXTS =
      List.of(
          "The quick brown fox jumps over the lazy dog.",
          "Thank you. Thank you. Thank you. Thank you. Thank you. Thank you. Thank you.",
          "¿Qué tal? Très bien, merci — 宇宙 ok");

  @Test
  void loopingTextCompressesFarBetterThanSpeech() {
    assertTrue(CompressionRatio.of(TEXTS.get(0)) < 2.4);
    assertTrue(CompressionRatio.of(TEXTS.get(1)) > 2.4);
    assertEquals(0.0, CompressionRatio.of(""));
  }

  @Test
  void matchesPythonZlibAsTheReferenceComputesIt() throws IOException {
    String python = ReferenceCommands.python("zlib");
    for (String text : TEXTS) {
      String script =
          "import sys, zlib; b = sys.argv[1].encode('utf-8');"
              + " print(repr(len(b) / len(zlib.compress(b))))";
      String out = ReferenceCommands.runChecked(List.of(python, "-c", script, text), 60).strip();
      assertEquals(Double.parseDouble(out), CompressionRatio.of(text), 1e-12, text);
    }
  }
}
