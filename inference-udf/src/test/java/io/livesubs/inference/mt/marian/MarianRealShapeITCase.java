package io.livesubs.inference.mt.marian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The translator on the stand-in with the real opus-mt shapes (d_model 512, 6+6 layers, 8 heads,
 * ffn 2048; about 600 MB written to {@code target/standin/marian-full}). Off by default for its
 * disk and time; run with {@code -Dlivesubs.marian.realShapes=true}.
 */
class MarianRealShapeITCase {
  private static final List<String> SENTENCES = MarianTranslatorTest.SENTENCES.subList(0, 4);

  @Test
  void realShapesTranslateWithAndWithoutTheCacheAlike() throws Exception {
    assumeTrue(
        Boolean.getBoolean("livesubs.marian.realShapes"),
        "real-shape Marian stand-in skipped (-Dlivesubs.marian.realShapes=true runs it)");
    Path model = MarianTestFiles.standIn("marian-full");
    MarianTranslatorConfig.Builder config =
        MarianTranslatorConfig.builder(model).maxOutputTokens(12).threads(2);
    try (MarianTranslator cached = MarianTranslator.open(config.build());
        MarianTranslator uncached = MarianTranslator.open(config.kvCache(false).build())) {
      List<int[]> a = cached.translateToIds("en", "mg", SENTENCES);
      List<int[]> b = uncached.translateToIds("en", "mg", SENTENCES);
      for (int i = 0; i < SENTENCES.size(); i++) {
        assertArrayEquals(a.get(i), b.get(i), "sentence " + i);
        int[] alone = cached.translateToIds("en", "mg", List.of(SENTENCES.get(i))).get(0);
        assertArrayEquals(alone, a.get(i), "sentence " + i + " alone");
      }
      assertEquals(SENTENCES.size(), cached.translate("en", "mg", SENTENCES).size());
    }
  }
}
