package io.livesubs.inference.asr.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the dither setting of Kaldi feature configs the way Kaldi reads them. */
class FeatureDitherTest {

  @Test
  void withoutADitherOptionKaldisDefaultApplies() {
    assertEquals(1.0, FeatureDither.effective(List.of("--sample-frequency=16000")));
    assertEquals(1.0, FeatureDither.effective(List.of()));
  }

  @Test
  void theLastDitherOptionWins() {
    assertEquals(0.0, FeatureDither.effective(List.of("--dither=1.0", "--dither=0.0")));
    assertEquals(
        0.5, FeatureDither.effective(List.of("--dither=0", "--use-energy=false", "--dither=0.5")));
  }

  @Test
  void commentsAndSurroundingBlanksAreIgnored() {
    assertEquals(1.0, FeatureDither.effective(List.of("# --dither=0.0")));
    assertEquals(0.0, FeatureDither.effective(List.of("  --dither=0  # no noise", "#--dither=1")));
  }

  @Test
  void aValueThatIsNotANumberIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FeatureDither.effective(List.of("--dither=off")));
    assertTrue(e.getMessage().contains("'off'"), e.getMessage());
  }

  @Test
  void aModelWithoutFeatureConfigIsRefusedByName(@TempDir Path dir) throws Exception {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeatureDither.requireDisabled(dir));
    assertTrue(e.getMessage().contains(FeatureDither.CONFIG_FILE), e.getMessage());

    Files.createDirectories(dir.resolve("conf"));
    Files.write(dir.resolve(FeatureDither.CONFIG_FILE), List.of("--dither=0.0"));
    FeatureDither.requireDisabled(dir);
    Files.write(dir.resolve(FeatureDither.CONFIG_FILE), List.of("--dither=abc"));
    e = assertThrows(IllegalArgumentException.class, () -> FeatureDither.requireDisabled(dir));
    assertTrue(e.getMessage().contains("mfcc.conf"), e.getMessage());
  }
}
