package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.testing.CliRun;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {

  private static DemoSettings settings(int streams, Duration timeout) {
    return new DemoSettings(null, streams, true, Path.of("out"), false, 8080, 8081, "en", timeout);
  }

  @Test
  void streamIdsAreDemoOrNumbered() {
    assertEquals(List.of("demo"), settings(1, null).streamIds());
    assertEquals(List.of("demo-1", "demo-2", "demo-3"), settings(3, null).streamIds());
  }

  @Test
  void theEndTimeoutGrowsWithTheAudioOfAllStreams() {
    assertEquals(Duration.ofSeconds(120 + 2 * 30), settings(2, null).endTimeoutFor(30.0));
    assertEquals(Duration.ofSeconds(5), settings(2, Duration.ofSeconds(5)).endTimeoutFor(30.0));
  }

  @Test
  void badValuesNameTheOption() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> settings(0, null));
    assertTrue(e.getMessage().contains("--streams"), e.getMessage());
  }

  @Test
  void theCommandRejectsBadArgumentsWithOneLineBeforeStartingAnything() {
    for (String[] args :
        new String[][] {
          {"demo", "--streams", "0"},
          {"demo", "--http-port", "70000"},
          {"demo", "--realtime", "--fast"},
          {"demo", "--end-timeout", "soon"},
          {"demo", "--language", "not a tag"},
          {"demo", "--translate", "not a tag"},
          {"demo", "--translate", "es,es"},
          {"demo", "--translate", "en"},
        }) {
      CliRun run = CliRun.of(args);
      assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
      assertEquals(1, run.errLines().size(), run.err());
      assertTrue(run.out().isEmpty(), "nothing may start: " + run.out());
    }
  }

  @Test
  void translationTargetsAreNormalisedAndFollowTheSpokenLanguage() {
    DemoSettings settings =
        new DemoSettings(
            null, 1, true, Path.of("out"), false, 8080, 8081, "en", null, List.of("ES", "pt-BR"));
    assertEquals(List.of("es", "pt-br"), settings.translateTo());
    assertEquals(List.of("en", "es", "pt-br"), settings.languages());
    assertTrue(settings.translates());
    assertEquals(List.of("en"), settings(1, null).languages());
  }

  @Test
  void aLanguagePairApertiumLacksIsOneLineNamingThePackage() {
    Assumptions.assumeTrue(
        ApertiumInstallation.system().resolve("en", "fi").isEmpty(),
        "apertium-eng-fin is installed here; nothing is missing");
    CliRun run = CliRun.of("demo", "--translate", "fi");
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("apertium-eng-fin"), run.err());
    assertTrue(run.out().isEmpty(), "nothing may start: " + run.out());
  }

  @Test
  void aMissingInputFileIsBadInputBeforeAnythingStarts(@TempDir Path dir) {
    CliRun run =
        CliRun.of("demo", "--input", dir.resolve("none.wav").toString(), "--out", dir.toString());
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("none.wav"), run.err());
    assertTrue(run.out().isEmpty(), "nothing may start: " + run.out());
  }
}
