package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.CueRevision;
import io.livesubs.schemas.CueConventions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationLatencyTest {

  private static CueRevision cue(String lang, long seq, long start, long end, long emitted) {
    return new CueRevision(
        "s", lang, seq, 0, true, start, end, List.of("text " + seq), emitted, end);
  }

  private static CueRevision marker(String lang, long seq, long end, long emitted) {
    return new CueRevision("s", lang, seq, 0, true, end, end, List.of(), emitted, end);
  }

  @Test
  void addedLatencyIsMeasuredFromTheEndOfTheTranslatedCuesOwnPhrase() {
    TranslationLatency t = new TranslationLatency("en");
    t.accept(cue("en", 0, 0, 1_000, 10_000));
    t.accept(cue("en", 1, 1_000, 2_000, 10_000));
    t.accept(marker("en", CueConventions.PROGRESS_CUE_SEQ, 2_500, 10_050));
    t.accept(cue("en", 2, 3_000, 4_000, 12_000));
    t.accept(marker("en", CueConventions.PROGRESS_CUE_SEQ, 4_200, 12_010));
    // the Spanish cues of phrase 1 (0..2000) and of phrase 2 (3000..4000)
    t.accept(cue("es", 0, 0, 900, 10_150));
    t.accept(cue("es", 1, 900, 2_000, 10_150));
    t.accept(cue("es", 2, 3_000, 4_000, 12_310));
    // at-least-once delivery may repeat a cue: counted once
    t.accept(cue("es", 2, 3_000, 4_000, 12_310));

    assertArrayEquals(new long[] {100, 100, 300}, t.addedLatenciesMs("es"));
    assertEquals(3, t.translatedCues("es"));
    assertEquals(0, t.addedLatenciesMs("fr").length);
    assertEquals(List.of("text 0 text 1", "text 2"), t.sourcePhrases());
  }

  @Test
  void aTranslatedCueWhosePhraseMarkerIsMissingIsLeftOut() {
    TranslationLatency t = new TranslationLatency("en");
    t.accept(cue("en", 0, 0, 1_000, 10_000));
    t.accept(cue("es", 0, 0, 1_000, 10_100));
    assertEquals(0, t.addedLatenciesMs("es").length);
    assertEquals(1, t.translatedCues("es"));
  }

  @Test
  void endedWaitsForEveryStreamInEveryLanguage() throws InterruptedException {
    TranslationLatency t = new TranslationLatency("en");
    t.accept(marker("en", CueConventions.END_OF_STREAM_CUE_SEQ, 5_000, 20_000));
    assertFalse(t.awaitEnded(List.of("s"), List.of("en", "es"), Duration.ofMillis(10)));
    t.accept(marker("es", CueConventions.END_OF_STREAM_CUE_SEQ, 5_000, 20_100));
    assertTrue(t.awaitEnded(List.of("s"), List.of("en", "es"), Duration.ofMillis(10)));
  }
}
