package io.livesubs.inference.mt.apertium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * English to Spanish with the real Debian {@code apertium-eng-spa} pair. Skipped when Apertium is
 * not installed (failed in CI). Assertions check for words any correct translation contains rather
 * than whole sentences, so that a newer release of the pair does not break them.
 */
class ApertiumTranslatorTest {

  /** English nouns and the Spanish word their translation must contain. */
  private static final String[][] NOUNS = {
    {"house", "casa"}, {"dog", "perro"}, {"cat", "gato"}, {"book", "libro"},
    {"water", "agua"}, {"city", "ciudad"}, {"tree", "árbol"}, {"car", "coche"},
    {"school", "escuela"}, {"table", "mesa"}, {"window", "ventana"}, {"door", "puerta"},
  };

  private static ApertiumTranslator translator;

  @BeforeAll
  static void start() {
    translator =
        ApertiumTranslator.builder()
            .installation(ApertiumAvailability.requireEnglishSpanish())
            .timeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stop() {
    if (translator != null) {
      translator.close();
    }
  }

  @Test
  void reportsTheInstalledPairs() {
    assertTrue(
        translator.installedPairs().contains("eng-spa"), translator.installedPairs().toString());
    assertTrue(translator.supports("en", "es"));
    assertTrue(translator.supports("en-GB", "es-ES"));
    assertTrue(translator.name().startsWith("apertium:"), translator.name());
  }

  @Test
  void translatesSimpleSentences() throws Exception {
    List<String> out =
        translator.translate(
            "en", "es", List.of("The house is big.", "I have a red car.", "Where is the school?"));
    assertEquals(3, out.size());
    assertContains(out.get(0), "casa", "grande");
    assertContains(out.get(1), "coche", "rojo");
    assertContains(out.get(2), "escuela", "dónde");
  }

  @Test
  void unknownWordsAreNotMarked() throws Exception {
    String out = translator.translate("en", "es", List.of("I like xyzzyplop.")).get(0);
    assertTrue(out.contains("xyzzyplop"), out);
    assertFalse(out.contains("*") || out.contains("#") || out.contains("@"), out);
  }

  @Test
  void batchKeepsTheOrderOfItsSentences() throws Exception {
    List<String> in = new ArrayList<>();
    for (String[] noun : NOUNS) {
      in.add("The " + noun[0] + " is here.");
    }
    List<String> out = translator.translate("en", "es", in);
    assertEquals(in.size(), out.size());
    for (int i = 0; i < NOUNS.length; i++) {
      assertContains(out.get(i), NOUNS[i][1]);
    }
  }

  @Test
  void concurrentCallersEachGetTheirOwnTranslations() throws Exception {
    int callers = 8;
    List<List<String>> inputs = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      List<String> in = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String[] noun = NOUNS[(c + i) % NOUNS.length];
        in.add("The " + noun[0] + " number " + (c * 100 + i) + " is here.");
      }
      inputs.add(in);
      // One sentence at a time, alone: the translation each caller must get back.
      List<String> alone = new ArrayList<>();
      for (String s : in) {
        alone.add(translator.translate("en", "es", List.of(s)).get(0));
      }
      expected.add(alone);
    }
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (List<String> in : inputs) {
        results.add(pool.submit(() -> translator.translate("en", "es", in)));
      }
      for (int c = 0; c < callers; c++) {
        List<String> got = results.get(c).get(60, TimeUnit.SECONDS);
        assertEquals(expected.get(c), got, "caller " + c);
        for (int i = 0; i < got.size(); i++) {
          assertContains(got.get(i), String.valueOf(c * 100 + i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aKilledPipelineIsRestartedOnTheNextCall() throws Exception {
    try (ApertiumTranslator own = ownTranslator()) {
      assertContains(own.translate("en", "es", List.of("The dog is here.")).get(0), "perro");
      List<Process> stages = own.processesFor("en", "es");
      assertTrue(stages.size() > 3, "one process per stage: " + stages);
      stages.forEach(Process::destroyForcibly);
      for (Process p : stages) {
        p.onExit().get(10, TimeUnit.SECONDS);
      }
      assertContains(own.translate("en", "es", List.of("The cat is here.")).get(0), "gato");
      assertEquals(1, own.restarts());
    }
  }

  @Test
  void killingAStageMidBatchLosesNoSentence() throws Exception {
    List<String> in = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      in.add("The " + NOUNS[i % NOUNS.length][0] + " number " + i + " is near the old tree.");
    }
    try (ApertiumTranslator own = ownTranslator()) {
      List<String> expected = own.translate("en", "es", in);
      long before = own.translatedSentences();
      ExecutorService caller = Executors.newSingleThreadExecutor();
      try {
        Future<List<String>> batch = caller.submit(() -> own.translate("en", "es", in));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (own.translatedSentences() < before + 200 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        List<Process> stages = own.processesFor("en", "es");
        stages.get(stages.size() / 2).destroyForcibly();
        long doneAtKill = own.translatedSentences() - before;
        assertTrue(doneAtKill < in.size(), "the batch was already done: " + doneAtKill);

        assertEquals(expected, batch.get(120, TimeUnit.SECONDS));
        assertEquals(1, own.restarts());
      } finally {
        caller.shutdownNow();
      }
    }
  }

  private static ApertiumTranslator ownTranslator() {
    return ApertiumTranslator.builder()
        .installation(translator.installation())
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static void assertContains(String text, String... words) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String w : words) {
      assertTrue(lower.contains(w), "'" + text + "' should contain '" + w + "'");
    }
  }
}
