package io.livesubs.inference.mt.marian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.mt.TranslationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Marian translator on the small random-weight stand-in (real vocabulary, tokenizer and ONNX
 * names): deterministic output, batches without cross-talk, cached decoding equal to full-prefix
 * decoding, beam search, languages, limits and lifecycle.
 */
class MarianTranslatorTest {
  static final List<String> SENTENCES =
      List.of(
          "Hello world, I'm here!",
          "The house is big.",
          "Where is the school?",
          "I have a red car and two small dogs that bark at night.",
          "Yes.",
          "Live subtitles help people who cannot hear the stream.",
          "What time is it?",
          "She said: « it is 3.14 km away », then left.",
          "Thank you very much for watching.",
          "Ｆｕｌｌ ｗｉｄｔｈ text and ligatures ﬁ.");

  private static Path model;
  private static MarianTranslator greedy;

  @BeforeAll
  static void open() {
    MarianTestFiles.tokenizerDir();
    model = MarianTestFiles.standIn(MarianTestFiles.SMALL, "--small");
    greedy = MarianTranslator.open(config().build());
  }

  @AfterAll
  static void close() {
    if (greedy != null) {
      greedy.close();
    }
  }

  static MarianTranslatorConfig.Builder config() {
    return MarianTranslatorConfig.builder(model).maxOutputTokens(24);
  }

  @Test
  void translationsAreDeterministicAndDependOnTheInput() throws Exception {
    List<String> first = greedy.translate("en", "mg", SENTENCES);
    assertEquals(SENTENCES.size(), first.size());
    assertEquals(first, greedy.translate("en", "mg", SENTENCES));
    try (MarianTranslator other = MarianTranslator.open(config().build())) {
      assertEquals(first, other.translate("en", "mg", SENTENCES));
    }
    // A stand-in that ignored its input would make the cross-talk tests below vacuous.
    assertTrue(new HashSet<>(first).size() >= 4, first.toString());
  }

  @Test
  void aBatchGivesWhatEachSentenceGivesAlone() throws Exception {
    for (int beam : new int[] {1, 3}) {
      try (MarianTranslator t = MarianTranslator.open(config().beamSize(beam).build())) {
        List<int[]> together = t.translateToIds("en", "mg", SENTENCES);
        // Some sentences end early and leave the batch while others go on to the limit.
        assertTrue(together.stream().anyMatch(ids -> ids.length < 24), "none ended early");
        assertTrue(together.stream().anyMatch(ids -> ids.length == 24), "all ended early");
        for (int i = 0; i < SENTENCES.size(); i++) {
          int[] alone = t.translateToIds("en", "mg", List.of(SENTENCES.get(i))).get(0);
          assertArrayEquals(alone, together.get(i), "beam " + beam + ", sentence " + i);
        }
      }
    }
  }

  @Test
  void cachedDecodingEqualsFullPrefixDecoding() throws Exception {
    for (int beam : new int[] {1, 4}) {
      try (MarianTranslator cached = MarianTranslator.open(config().beamSize(beam).build());
          MarianTranslator uncached =
              MarianTranslator.open(config().beamSize(beam).kvCache(false).build())) {
        List<int[]> a = cached.translateToIds("en", "mg", SENTENCES);
        List<int[]> b = uncached.translateToIds("en", "mg", SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
          assertArrayEquals(a.get(i), b.get(i), "beam " + beam + ", sentence " + i);
        }
      }
    }
  }

  @Test
  void beamSearchIsDeterministicAndExploresMoreThanGreedy() throws Exception {
    try (MarianTranslator beam = MarianTranslator.open(config().beamSize(4).build())) {
      List<String> first = beam.translate("en", "mg", SENTENCES);
      assertEquals(first, beam.translate("en", "mg", SENTENCES));
      assertFalse(first.equals(greedy.translate("en", "mg", SENTENCES)), first.toString());
    }
  }

  @Test
  void outputStopsAtTheTokenLimit() throws Exception {
    try (MarianTranslator shortOut = MarianTranslator.open(config().maxOutputTokens(3).build())) {
      List<int[]> ids = shortOut.translateToIds("en", "mg", SENTENCES);
      ids.forEach(row -> assertTrue(row.length <= 3, "length " + row.length));
      List<int[]> longer = greedy.translateToIds("en", "mg", SENTENCES);
      for (int i = 0; i < ids.size(); i++) {
        // Greedy output is a prefix of the longer run's.
        int[] prefix = Arrays.copyOf(longer.get(i), ids.get(i).length);
        assertArrayEquals(prefix, ids.get(i), "sentence " + i);
      }
    }
  }

  @Test
  void sourcesLongerThanThePositionTableAreCut() throws Exception {
    String endless = "word ".repeat(1200);
    List<String> out = greedy.translate("en", "mg", List.of(endless, "Yes."));
    assertEquals(2, out.size());
    assertEquals(greedy.translate("en", "mg", List.of("Yes.")).get(0), out.get(1));
  }

  @Test
  void blankSentencesTranslateToEmptyText() throws Exception {
    List<String> out = greedy.translate("en", "mg", List.of("", "Yes.", "  \t"));
    assertEquals("", out.get(0));
    assertEquals("", out.get(2));
    assertEquals(greedy.translate("en", "mg", List.of("Yes.")).get(0), out.get(1));
    assertEquals(List.of(), greedy.translate("en", "mg", List.of()));
  }

  @Test
  void servesOnlyItsLanguagePair() {
    assertEquals("marian:" + MarianTestFiles.SMALL, greedy.name());
    assertTrue(greedy.supports("en", "mg"));
    assertTrue(greedy.supports("en-GB", "MG"));
    assertFalse(greedy.supports("mg", "en"));
    assertFalse(greedy.supports("en", "es"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> greedy.translate("en", "es", List.of("Hi.")));
    assertTrue(e.getMessage().contains("en → mg"), e.getMessage());
    try (MarianTranslator relabelled =
        MarianTranslator.open(config().languages("en", "es").build())) {
      assertTrue(relabelled.supports("en", "es"));
      assertFalse(relabelled.supports("en", "mg"));
    }
  }

  @Test
  void concurrentCallsGiveTheSequentialResults() throws Exception {
    List<String> expected = greedy.translate("en", "mg", SENTENCES);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> greedy.translate("en", "mg", SENTENCES)));
      }
      for (Future<List<String>> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closeIsIdempotentAndLaterCallsFail() {
    MarianTranslator t = MarianTranslator.open(config().build());
    t.close();
    t.close();
    TranslationException e =
        assertThrows(TranslationException.class, () -> t.translate("en", "mg", List.of("Hi.")));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
