package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's check of Apertium language pairs, against an installation directory of its own. */
class TranslationCheckTest {

  @Test
  void installedPairsPassAndMissingOnesNameTheirPackage(@TempDir Path dataDir) throws IOException {
    Files.createDirectories(dataDir.resolve("modes"));
    Files.writeString(dataDir.resolve("modes/eng-spa.mode"), "lt-proc eng-spa.automorf.bin\n");
    ApertiumInstallation installation = ApertiumInstallation.at(dataDir);

    TranslationCheck.requireSupported(installation, "en", List.of("es"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TranslationCheck.requireSupported(installation, "en", List.of("es", "ca")));
    assertTrue(
        e.getMessage().contains("apt-get install apertium apertium-eng-cat"), e.getMessage());
    assertTrue(e.getMessage().contains(" ca "), e.getMessage());
  }

  @Test
  void packageNamesUseThreeLetterCodes() {
    assertEquals("apertium-eng-spa", TranslationCheck.packageName("en", "es"));
    assertEquals("apertium-eng-por", TranslationCheck.packageName("en", "pt-BR"));
  }
}
