package io.livesubs.jobs.translation;

import static io.livesubs.jobs.translation.SourceCues.end;
import static io.livesubs.jobs.translation.SourceCues.finalCue;
import static io.livesubs.jobs.translation.SourceCues.partial;
import static io.livesubs.jobs.translation.SourceCues.progress;
import static io.livesubs.jobs.translation.SourceCues.withdrawal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.SubtitleCue;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TranslationPlannerTest {

  private static KeyedBroadcastOperatorTestHarness<
          String, SubtitleCue, StreamTargets, TranslationRequest>
      harness(List<String> defaults) throws Exception {
    return harness(new TranslationPlanner(defaults));
  }

  private static KeyedBroadcastOperatorTestHarness<
          String, SubtitleCue, StreamTargets, TranslationRequest>
      harness(TranslationPlanner planner) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        planner, SubtitleCue::getStreamId, Types.STRING, TranslationPlanner.TARGETS);
  }

  @Test
  void aPhraseIsTheFinalCuesBetweenProgressMarkersInTheDefaultTargets() throws Exception {
    try (var h = harness(List.of("es"))) {
      h.processElement(partial("s", 0, 0, 800, "good"), 0);
      h.processElement(finalCue("s", 0, 100, 1500, "good morning", "everyone"), 0);
      h.processElement(finalCue("s", 1, 1580, 3000, "and welcome"), 0);
      h.processElement(progress("s", 3000), 0);
      h.processElement(progress("s", 4000), 0); // silence: nothing to translate

      List<TranslationRequest> out = h.extractOutputValues();
      assertEquals(1, out.size(), out.toString());
      TranslationRequest r = out.get(0);
      assertEquals("good morning everyone and welcome", r.text());
      assertArrayEquals(new String[] {"es"}, r.targetLanguages());
      assertEquals(100, r.startMs());
      assertEquals(3000, r.endMs());
      assertEquals(0, r.firstCueSeq());
      assertEquals("en", r.sourceLanguage());
      assertEquals(SourceCues.ANCHOR + 3000, r.captureTimeMs());
    }
  }

  @Test
  void aConfigChangeAppliesFromTheNextPhraseWithNothingLostOrDuplicated() throws Exception {
    try (var h = harness(List.of("es"))) {
      List<String> spoken = new ArrayList<>();
      // Phrase 1 starts under the default; the config arrives in its middle.
      h.processElement(finalCue("s", 0, 0, 1000, "one"), 0);
      h.processBroadcastElement(StreamTargets.of("s", "fr", "de"), 0);
      h.processElement(finalCue("s", 1, 1100, 2000, "two"), 0);
      h.processElement(progress("s", 2000), 0);
      // Phrase 2: the new targets.
      h.processElement(finalCue("s", 2, 3000, 4000, "three"), 0);
      h.processElement(progress("s", 4000), 0);
      // Tombstone: back to the default from phrase 3.
      h.processBroadcastElement(StreamTargets.resetToDefault("s"), 0);
      h.processElement(finalCue("s", 3, 5000, 6000, "four"), 0);
      h.processElement(progress("s", 6000), 0);
      // Empty targets: phrase 4 is not translated.
      h.processBroadcastElement(StreamTargets.of("s"), 0);
      h.processElement(finalCue("s", 4, 7000, 8000, "five"), 0);
      h.processElement(progress("s", 8000), 0);
      h.processElement(end("s", 9000), 0);

      List<TranslationRequest> out = h.extractOutputValues();
      assertEquals(4, out.size(), out.toString());
      assertEquals("one two", out.get(0).text());
      assertArrayEquals(new String[] {"es"}, out.get(0).targetLanguages());
      assertEquals("three", out.get(1).text());
      assertArrayEquals(new String[] {"fr", "de"}, out.get(1).targetLanguages());
      assertEquals("four", out.get(2).text());
      assertArrayEquals(new String[] {"es"}, out.get(2).targetLanguages());
      TranslationRequest last = out.get(3);
      assertTrue(last.endOfStream());
      assertEquals(9000, last.endMs());
      // Every language the stream was translated into gets its end marker.
      assertArrayEquals(new String[] {"es", "fr", "de"}, last.targetLanguages());
      for (TranslationRequest r : out.subList(0, 3)) {
        spoken.add(r.text());
      }
      assertEquals(List.of("one two", "three", "four"), spoken);
    }
  }

  @Test
  void partialsWithdrawalsAndTheSourceLanguageAreNotTranslated() throws Exception {
    try (var h = harness(List.of())) {
      h.processBroadcastElement(StreamTargets.of("s", "en-GB", "es"), 0);
      h.processElement(partial("s", 0, 0, 500, "hel"), 0);
      h.processElement(withdrawal("s", 0, 1, 600), 0);
      h.processElement(progress("s", 600), 0);
      h.processElement(finalCue("s", 1, 700, 1500, "hello"), 0);
      h.processElement(partial("s", 2, 0, 1800, "the next"), 0);
      h.processElement(progress("s", 1500), 0);

      List<TranslationRequest> out = h.extractOutputValues();
      assertEquals(1, out.size(), out.toString());
      assertEquals("hello", out.get(0).text());
      assertArrayEquals(new String[] {"es"}, out.get(0).targetLanguages());
    }
  }

  @Test
  void withPartialsOnEachChangedPartialIsPreviewedAndAnUnfollowedPreviewWithdrawn()
      throws Exception {
    try (var h = harness(new TranslationPlanner(List.of("es"), true))) {
      h.processElement(partial("s", 0, 0, 500, "good"), 0);
      h.processElement(partial("s", 0, 1, 600, "good"), 0); // same text: nothing new
      h.processElement(partial("s", 0, 2, 900, "good morning"), 0);
      h.processElement(finalCue("s", 0, 100, 1500, "good morning", "everyone"), 0);
      h.processElement(progress("s", 1500), 0);
      // A preview that no final follows: withdrawn at the phrase boundary.
      h.processElement(partial("s", 1, 0, 2200, "uh"), 0);
      h.processElement(withdrawal("s", 1, 1, 2300), 0);
      h.processElement(progress("s", 2300), 0);
      h.processElement(end("s", 3000), 0);

      List<TranslationRequest> out = h.extractOutputValues();
      List<String> seen = new ArrayList<>();
      for (TranslationRequest r : out) {
        seen.add((r.endOfStream() ? "END" : r.partial() ? "P:" : "F:") + r.text());
        if (!r.endOfStream()) {
          assertArrayEquals(new String[] {"es"}, r.targetLanguages(), r.toString());
        }
      }
      assertEquals(
          List.of("P:good", "P:good morning", "F:good morning everyone", "P:uh", "P:", "END"),
          seen);
      assertEquals(500, out.get(0).endMs());
      assertEquals(SourceCues.ANCHOR + 900, out.get(1).captureTimeMs());
    }
  }

  @Test
  void aPreviewOpenAtTheEndIsWithdrawnBeforeTheEndMarker() throws Exception {
    try (var h = harness(new TranslationPlanner(List.of("fr"), true))) {
      h.processElement(partial("s", 0, 0, 500, "so"), 0);
      h.processElement(end("s", 800), 0);
      List<TranslationRequest> out = h.extractOutputValues();
      assertEquals(3, out.size(), out.toString());
      assertTrue(out.get(1).partial() && out.get(1).text().isEmpty(), out.toString());
      assertTrue(out.get(2).endOfStream());
      assertArrayEquals(new String[] {"fr"}, out.get(2).targetLanguages());
    }
  }

  @Test
  void streamsAreIndependent() throws Exception {
    try (var h = harness(List.of("es"))) {
      h.processBroadcastElement(StreamTargets.of("b", "de"), 0);
      h.processElement(finalCue("a", 0, 0, 1000, "alpha"), 0);
      h.processElement(finalCue("b", 0, 0, 1000, "beta"), 0);
      h.processElement(progress("b", 1000), 0);
      h.processElement(progress("a", 1000), 0);

      List<TranslationRequest> out = h.extractOutputValues();
      assertEquals(2, out.size(), out.toString());
      assertEquals("b", out.get(0).streamId());
      assertEquals("beta", out.get(0).text());
      assertArrayEquals(new String[] {"de"}, out.get(0).targetLanguages());
      assertEquals("a", out.get(1).streamId());
      assertArrayEquals(new String[] {"es"}, out.get(1).targetLanguages());
    }
  }

  @Test
  void aStreamWithoutTargetsEndsWithoutAnEndRequest() throws Exception {
    try (var h = harness(List.of())) {
      h.processElement(finalCue("s", 0, 0, 1000, "hi"), 0);
      h.processElement(progress("s", 1000), 0);
      h.processElement(end("s", 2000), 0);
      assertEquals(List.of(), h.extractOutputValues());
    }
  }

  @Test
  void badDefaultTargetsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new TranslationPlanner(List.of("spanish!")));
    assertTrue(e.getMessage().contains("spanish!"), e.getMessage());
  }
}
