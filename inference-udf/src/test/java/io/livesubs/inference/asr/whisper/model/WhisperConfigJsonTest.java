package io.livesubs.inference.asr.whisper.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Hugging Face Whisper config.json files (values as published for the real models). */
class WhisperConfigJsonTest {
  @TempDir Path dir;

  private Path config(String name, int dModel, int layers, int heads, int mels, int vocab)
      throws IOException {
    String json =
        String.format(
            "{\"_name_or_path\": \"%s\", \"d_model\": %d, \"encoder_layers\": %d,"
                + " \"decoder_layers\": %d, \"decoder_attention_heads\": %d,"
                + " \"num_mel_bins\": %d, \"max_source_positions\": 1500,"
                + " \"max_target_positions\": 448, \"vocab_size\": %d}",
            name, dModel, layers, layers, heads, mels, vocab);
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void readsBaseMultilingual() throws IOException {
    WhisperModelConfig c =
        WhisperConfigJson.read(config("openai/whisper-base", 512, 6, 8, 80, 51865), "x");
    assertEquals("whisper-base", c.name());
    assertEquals(512, c.modelDim());
    assertEquals(6, c.encoderLayers());
    assertEquals(6, c.decoderLayers());
    assertEquals(8, c.heads());
    assertEquals(64, c.headDim());
    assertEquals(80, c.melBins());
    assertEquals(1500, c.audioContext());
    assertEquals(448, c.textContext());
    assertTrue(c.multilingual());
    assertEquals(99, c.numLanguages());
  }

  @Test
  void derivesLanguagesFromTheVocabulary() throws IOException {
    WhisperModelConfig english =
        WhisperConfigJson.read(config("openai/whisper-base.en", 512, 6, 8, 80, 51864), "x");
    assertFalse(english.multilingual());
    assertEquals(99, english.numLanguages());
    WhisperModelConfig v3 =
        WhisperConfigJson.read(config("openai/whisper-large-v3", 1280, 32, 20, 128, 51866), "x");
    assertTrue(v3.multilingual());
    assertEquals(100, v3.numLanguages());
    assertEquals(128, v3.melBins());
  }

  @Test
  void usesTheFallbackNameWithoutNameOrPath() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"d_model\": 384, \"encoder_layers\": 4, \"decoder_layers\": 4,"
            + " \"decoder_attention_heads\": 6, \"num_mel_bins\": 80,"
            + " \"max_source_positions\": 1500, \"max_target_positions\": 448,"
            + " \"vocab_size\": 51865}");
    assertEquals("my-folder", WhisperConfigJson.read(file, "my-folder").name());
  }

  @Test
  void badFilesNameTheKey() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"d_model\": 384}");
    assertMessage(file, "lacks the key 'vocab_size'");
    Files.writeString(file, "{\"vocab_size\": \"many\"}");
    assertMessage(file, "'vocab_size' must be an integer");
    Files.writeString(file, "[1, 2]");
    assertMessage(file, "is not a JSON object");
    Files.writeString(file, "{not json");
    assertMessage(file, "cannot read");
    assertMessage(config("x", 512, 6, 8, 80, 32000), "not a Whisper vocabulary");
    assertMessage(config("x", 512, 6, 7, 80, 51865), "not a multiple of heads");
    assertMessage(config("x", 512, 6, 8, 81, 51865), "melBins must be 80 or 128");
  }

  private static void assertMessage(Path file, String expected) {
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> WhisperConfigJson.read(file, "x"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
