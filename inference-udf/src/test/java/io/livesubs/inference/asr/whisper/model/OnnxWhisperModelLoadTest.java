package io.livesubs.inference.asr.whisper.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading fails at open, naming the problem, when a folder's config.json does not describe its ONNX
 * files. The folders link to the stand-in's ONNX files and carry an edited config.json.
 */
class OnnxWhisperModelLoadTest {
  @TempDir Path dir;

  private Path withConfig(Path source, String from, String to) throws IOException {
    for (String file : new String[] {"encoder_model.onnx", "decoder_model_merged.onnx"}) {
      Files.createSymbolicLink(dir.resolve(file), source.resolve(file));
    }
    String config = Files.readString(source.resolve("config.json"));
    assertTrue(config.contains(from), "stand-in config.json lacks " + from);
    Files.writeString(dir.resolve("config.json"), config.replace(from, to));
    return dir;
  }

  @Test
  void moreDecoderLayersThanTheGraphHasNamesTheMissingInput() throws IOException {
    Path folder =
        withConfig(
            StandInModels.tiny(DecoderLayout.MERGED),
            "\"decoder_layers\": 4",
            "\"decoder_layers\": 5");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> OnnxWhisperModel.open(folder));
    assertTrue(e.getMessage().contains("past_key_values.4.decoder.key"), e.getMessage());
    assertTrue(e.getMessage().contains("decoder_layers=5"), e.getMessage());
  }

  @Test
  void otherHeadCountNamesTheCacheShape() throws IOException {
    Path folder =
        withConfig(
            StandInModels.tiny(DecoderLayout.MERGED),
            "\"decoder_attention_heads\": 6",
            "\"decoder_attention_heads\": 8");
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> OnnxWhisperModel.open(folder));
    assertTrue(e.getMessage().contains("[batch, 8, past, 48]"), e.getMessage());
  }

  @Test
  void aFileThatIsNoOnnxModelNamesTheFile() throws IOException {
    Path source = StandInModels.tiny(DecoderLayout.MERGED);
    Files.createSymbolicLink(dir.resolve("encoder_model.onnx"), source.resolve("config.json"));
    Files.createSymbolicLink(
        dir.resolve("decoder_model_merged.onnx"), source.resolve("decoder_model_merged.onnx"));
    Files.copy(source.resolve("config.json"), dir.resolve("config.json"));
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> OnnxWhisperModel.open(dir));
    assertTrue(e.getMessage().contains("encoder_model.onnx"), e.getMessage());
  }
}
