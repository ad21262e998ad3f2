package io.livesubs.inference.mt.apertium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BCP 47 tags to Apertium mode names. */
class ApertiumLanguagesTest {

  @TempDir Path dataDir;

  @Test
  void twoLetterTagsMapToThreeLetterCodesFirst() {
    assertEquals(List.of("eng", "en"), ApertiumLanguages.candidates("en"));
    assertEquals(List.of("spa", "es"), ApertiumLanguages.candidates("es"));
    assertEquals(List.of("cat", "ca"), ApertiumLanguages.candidates("ca"));
    assertEquals(List.of("glg", "gl"), ApertiumLanguages.candidates("gl"));
    assertEquals(List.of("epo", "eo"), ApertiumLanguages.candidates("eo"));
    assertEquals(List.of("eng"), ApertiumLanguages.candidates("eng"));
  }

  @Test
  void regionVariantsComeFirstAndSerboCroatianIsOneCode() {
    assertEquals(List.of("eng_US", "en_US", "eng", "en"), ApertiumLanguages.candidates("en-US"));
    assertEquals(
        List.of("hbs_HR", "hrv_HR", "hr_HR", "hbs", "hrv", "hr"),
        ApertiumLanguages.candidates("hr-HR"));
  }

  @Test
  void malformedTagsAreRejected() {
    for (String bad : new String[] {"", " ", "english!", "e", "-US"}) {
      assertThrows(IllegalArgumentException.class, () -> ApertiumLanguages.candidates(bad), bad);
    }
  }

  @Test
  void installedModesDecideWhichCodeIsUsed() throws Exception {
    Path modes = Files.createDirectories(dataDir.resolve("modes"));
    for (String name :
        List.of(
            "eng-spa.mode",
            "spa-eng.mode",
            "spa-eng_US.mode",
            "en-gl.mode",
            "README",
            "eng-spa-debug.mode")) {
      Files.writeString(modes.resolve(name), "cat\n");
    }
    ApertiumInstallation apertium = ApertiumInstallation.at(dataDir);
    assertEquals(Set.of("eng-spa", "spa-eng", "spa-eng_US", "en-gl"), apertium.modes());
    assertEquals(Optional.of("eng-spa"), apertium.resolve("en", "es"));
    assertEquals(Optional.of("eng-spa"), apertium.resolve("en-GB", "es-MX"));
    assertEquals(Optional.of("spa-eng"), apertium.resolve("es", "en"));
    assertEquals(Optional.of("spa-eng_US"), apertium.resolve("es", "en-US"));
    assertEquals(Optional.of("en-gl"), apertium.resolve("en", "gl"));
    assertEquals(Optional.empty(), apertium.resolve("en", "fr"));
    assertEquals(Set.of(), ApertiumInstallation.at(dataDir.resolve("missing")).modes());
  }
}
