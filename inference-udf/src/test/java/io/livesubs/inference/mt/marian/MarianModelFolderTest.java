package io.livesubs.inference.mt.marian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model folders as users have them: the optimum layout with the ONNX files in {@code onnx/}, and
 * folders that lack a file or hold the wrong model, which must fail with a message naming it.
 */
class MarianModelFolderTest {
  private static final List<String> FILES =
      List.of(
          "encoder_model.onnx",
          "decoder_model.onnx",
          "decoder_with_past_model.onnx",
          "config.json",
          "tokenizer_config.json",
          "source.spm",
          "target.spm",
          "vocab.json");

  private static Path standIn;

  @TempDir Path tmp;

  @BeforeAll
  static void generate() {
    standIn = MarianTestFiles.standIn(MarianTestFiles.SMALL, "--small");
  }

  @Test
  void onnxFilesMayLiveInTheOnnxSubfolder() throws Exception {
    Path dir = tmp.resolve("opus-mt-en-mg");
    Files.createDirectories(dir.resolve("onnx"));
    for (String name : FILES) {
      Path at = name.endsWith(".onnx") ? dir.resolve("onnx").resolve(name) : dir.resolve(name);
      Files.createSymbolicLink(at, standIn.resolve(name).toAbsolutePath());
    }
    List<String> sentences = List.of("The house is big.", "Thank you very much for watching.");
    try (MarianTranslator moved = open(dir);
        MarianTranslator original = open(standIn)) {
      assertEquals("marian:opus-mt-en-mg", moved.name());
      assertEquals(
          original.translate("en", "mg", sentences), moved.translate("en", "mg", sentences));
    }
  }

  @Test
  void everyMissingFileIsNamed() throws IOException {
    for (String missing : FILES) {
      if (missing.equals("tokenizer_config.json")) {
        continue; // optional: the languages can be given instead
      }
      Path dir = linkAllBut(missing);
      ModelLoadException e = assertThrows(ModelLoadException.class, () -> open(dir));
      assertTrue(e.getMessage().contains("lacks " + missing), e.getMessage());
    }
    ModelLoadException none =
        assertThrows(ModelLoadException.class, () -> open(tmp.resolve("no-such-model")));
    assertTrue(none.getMessage().contains("does not exist"), none.getMessage());
  }

  @Test
  void languagesMustBeKnown() throws IOException {
    Path dir = linkAllBut("tokenizer_config.json");
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> open(dir));
    assertTrue(e.getMessage().contains("does not name its languages"), e.getMessage());
    try (MarianTranslator t =
        MarianTranslator.open(MarianTranslatorConfig.builder(dir).languages("en", "mg").build())) {
      assertTrue(t.supports("en", "mg"));
    }
  }

  @Test
  void wrongModelsAreRefusedWithTheReason() throws IOException {
    Path swapped = linkAllBut("decoder_model.onnx");
    Files.createSymbolicLink(
        swapped.resolve("decoder_model.onnx"), standIn.resolve("encoder_model.onnx"));
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> open(swapped));
    assertTrue(
        e.getMessage().contains("decoder_model.onnx")
            && e.getMessage().contains("lacks input encoder_hidden_states"),
        e.getMessage());

    Path notMarian = linkAllBut("config.json");
    Files.writeString(
        notMarian.resolve("config.json"),
        Files.readString(standIn.resolve("config.json")).replace("\"marian\"", "\"t5\""));
    ModelLoadException t5 = assertThrows(ModelLoadException.class, () -> open(notMarian));
    assertTrue(t5.getMessage().contains("model_type is 't5'"), t5.getMessage());

    Path otherVocab = linkAllBut("config.json");
    Files.writeString(
        otherVocab.resolve("config.json"),
        Files.readString(standIn.resolve("config.json"))
            .replace("\"vocab_size\": 54688", "\"vocab_size\": 32000"));
    ModelLoadException vocab = assertThrows(ModelLoadException.class, () -> open(otherVocab));
    assertTrue(vocab.getMessage().contains("vocab_size 32000"), vocab.getMessage());
  }

  private Path linkAllBut(String missing) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "model");
    for (String name : FILES) {
      if (!name.equals(missing)) {
        Files.createSymbolicLink(dir.resolve(name), standIn.resolve(name).toAbsolutePath());
      }
    }
    return dir;
  }

  private static MarianTranslator open(Path dir) {
    return MarianTranslator.open(MarianTranslatorConfig.builder(dir).build());
  }
}
