package io.livesubs.inference.mt.apertium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.mt.TranslationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translator's process handling with stand-in engines: an Apertium data directory whose mode
 * runs a small shell script instead of the linguistic stages, through the same code path as a real
 * pair ({@code apertium-wblank-mode -z}, one child process per stage). The scripts are real
 * processes that echo ({@code cat} passes NUL-terminated segments straight through), hang, or
 * crash.
 */
class ApertiumPipelineFailureTest {

  @TempDir Path dataDir;

  @BeforeEach
  void requireModeTool() {
    ApertiumAvailability.requireTools();
  }

  /** Installs mode {@code eng-spa} running {@code script} (a POSIX shell body). */
  private ApertiumTranslator translatorRunning(String script, Duration timeout) throws IOException {
    Path modes = Files.createDirectories(dataDir.resolve("modes"));
    Path program = dataDir.resolve("stage.sh");
    Files.writeString(program, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(modes.resolve("eng-spa.mode"), program + "\n");
    return ApertiumTranslator.builder()
        .installation(ApertiumInstallation.at(dataDir))
        .timeout(timeout)
        .build();
  }

  @Test
  void textSurvivesTheStreamFormatRoundTripThroughAnEchoingPipeline() throws Exception {
    try (ApertiumTranslator echo = translatorRunning("exec cat", Duration.ofSeconds(10))) {
      List<String> in =
          List.of(
              "a [b] {c} ^d$ e/f \\g @h <i> ~j *k #l",
              "  several   spaces\nand a line break ",
              "",
              "ñandú 日本語 😀");
      List<String> expected =
          List.of(
              "a [b] {c} ^d$ e/f \\g @h <i> ~j *k #l",
              "several spaces and a line break",
              "",
              "ñandú 日本語 😀");
      assertEquals(expected, echo.translate("en", "es", in));
      assertEquals(0, echo.restarts());
      assertEquals(4, echo.translatedSentences());
    }
  }

  @Test
  void aHungPipelineTimesOutIsKilledAndRestarted() throws Exception {
    try (ApertiumTranslator stuck = translatorRunning("exec sleep 600", Duration.ofMillis(300))) {
      long start = System.nanoTime();
      TranslationException e =
          assertThrows(
              TranslationException.class, () -> stuck.translate("en", "es", List.of("hello")));
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(e.getMessage().contains("within 300 ms"), e.getMessage());
      assertTrue(elapsedMs < 10_000, "timed out after " + elapsedMs + " ms");
      assertEquals(1, stuck.restarts(), "the hung pipeline is replaced at once");
      List<Process> replacement = stuck.processesFor("en", "es");
      assertEquals(1, replacement.size());
      assertTrue(replacement.get(0).isAlive());

      assertThrows(TranslationException.class, () -> stuck.translate("en", "es", List.of("x")));
      assertEquals(2, stuck.restarts());
      assertNotEquals(replacement.get(0).pid(), stuck.processesFor("en", "es").get(0).pid());
      assertFalse(replacement.get(0).isAlive(), "the timed-out stage was killed");
    }
  }

  @Test
  void aPipelineThatCrashesOnceIsRestartedTransparently() throws Exception {
    Path marker = dataDir.resolve("crashed-once");
    String script =
        "if [ ! -e '" + marker + "' ]; then touch '" + marker + "'; exit 3; fi\nexec cat";
    try (ApertiumTranslator flaky = translatorRunning(script, Duration.ofSeconds(10))) {
      assertEquals(List.of("one", "two"), flaky.translate("en", "es", List.of("one", "two")));
      assertTrue(Files.exists(marker), "the first pipeline ran and crashed");
      assertEquals(1, flaky.restarts());
    }
  }

  @Test
  void aPipelineThatKeepsCrashingFailsTheCallWithItsError() throws Exception {
    try (ApertiumTranslator broken =
        translatorRunning("echo 'Error: broken pair data' >&2; exit 3", Duration.ofSeconds(10))) {
      TranslationException e =
          assertThrows(
              TranslationException.class, () -> broken.translate("en", "es", List.of("hello")));
      assertTrue(e.getMessage().contains("again after a restart"), e.getMessage());
      assertTrue(e.getMessage().contains("Error: broken pair data"), e.getMessage());
      assertEquals(1, broken.restarts());
    }
  }

  @Test
  void closeKillsThePipelineIsIdempotentAndLaterCallsFail() throws Exception {
    ApertiumTranslator echo = translatorRunning("exec cat", Duration.ofSeconds(10));
    assertEquals(List.of("hi"), echo.translate("en", "es", List.of("hi")));
    Process stage = echo.processesFor("en", "es").get(0);
    echo.close();
    echo.close();
    assertTrue(stage.onExit().get().pid() > 0);
    assertFalse(stage.isAlive());
    assertThrows(TranslationException.class, () -> echo.translate("en", "es", List.of("hi")));
  }

  @Test
  void unsupportedPairsAndNullSentencesAreRejected() throws Exception {
    try (ApertiumTranslator echo = translatorRunning("exec cat", Duration.ofSeconds(10))) {
      assertTrue(echo.supports("en", "es"));
      assertFalse(echo.supports("en", "fr"));
      assertFalse(echo.supports("not a tag", "es"));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> echo.translate("en", "fr", List.of("hi")));
      assertTrue(
          e.getMessage().contains("en → fr") && e.getMessage().contains("eng-spa"), e.getMessage());
      assertThrows(
          NullPointerException.class,
          () -> echo.translate("en", "es", java.util.Arrays.asList("a", null)));
      assertEquals(List.of(), echo.translate("en", "es", List.of()));
      String huge = "word ".repeat(4000);
      IllegalArgumentException tooLong =
          assertThrows(
              IllegalArgumentException.class,
              () -> echo.translate("en", "es", List.of("short", huge)));
      assertTrue(tooLong.getMessage().contains("sentence 2 is too long"), tooLong.getMessage());
      String longest = "word ".repeat(3000); // 15 001 bytes encoded: within the limit
      assertEquals(List.of(longest.strip()), echo.translate("en", "es", List.of(longest)));
    }
  }
}
