package io.livesubs.inference.asr.whisper.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder validation only: the files are empty placeholders, nothing is loaded. */
class WhisperModelFolderTest {
  @TempDir Path dir;

  private void touch(String... files) throws IOException {
    for (String file : files) {
      Path p = dir.resolve(file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "{}");
    }
  }

  @Test
  void findsTheMergedLayoutNextToConfig() throws IOException {
    touch("config.json", "encoder_model.onnx", "decoder_model_merged.onnx", "mel_filters.npz");
    WhisperModelFolder folder = WhisperModelFolder.open(dir);
    assertEquals(DecoderLayout.MERGED, folder.layout());
    assertEquals(dir.resolve("decoder_model_merged.onnx"), folder.decoderFile());
    assertTrue(folder.decoderWithPastFile().isEmpty());
    assertTrue(folder.melFiltersFile().isPresent());
    assertTrue(folder.generationConfigFile().isEmpty());
    assertTrue(folder.tiktokenFile(true).isEmpty());
  }

  @Test
  void findsTheSplitLayoutInTheOnnxSubfolder() throws IOException {
    touch(
        "config.json",
        "generation_config.json",
        "multilingual.tiktoken",
        "onnx/encoder_model.onnx",
        "onnx/decoder_model.onnx",
        "onnx/decoder_with_past_model.onnx");
    WhisperModelFolder folder = WhisperModelFolder.open(dir);
    assertEquals(DecoderLayout.SPLIT, folder.layout());
    assertEquals(dir.resolve("onnx"), folder.onnxDir());
    assertEquals(dir.resolve("onnx/encoder_model.onnx"), folder.encoderFile());
    assertEquals(dir.resolve("onnx/decoder_model.onnx"), folder.decoderFile());
    assertEquals(
        dir.resolve("onnx/decoder_with_past_model.onnx"), folder.decoderWithPastFile().get());
    assertTrue(folder.generationConfigFile().isPresent());
    assertEquals(dir.resolve("multilingual.tiktoken"), folder.tiktokenFile(true).get());
    assertTrue(folder.tiktokenFile(false).isEmpty());
  }

  @Test
  void prefersMergedWhenBothArePresentUnlessSplitIsAskedFor() throws IOException {
    touch(
        "config.json",
        "encoder_model.onnx",
        "decoder_model_merged.onnx",
        "decoder_model.onnx",
        "decoder_with_past_model.onnx");
    assertEquals(DecoderLayout.MERGED, WhisperModelFolder.open(dir).layout());
    assertEquals(DecoderLayout.SPLIT, WhisperModelFolder.open(dir, DecoderLayout.SPLIT).layout());
  }

  @Test
  void errorsNameTheMissingFile() throws IOException {
    assertMessage(dir.resolve("nope"), null, "does not exist");
    assertMessage(dir, null, "lacks config.json");
    touch("config.json");
    assertMessage(dir, null, "lacks encoder_model.onnx");
    touch("encoder_model.onnx");
    assertMessage(dir, null, "decoder_model_merged.onnx");
    touch("decoder_model.onnx");
    assertMessage(dir, null, "decoder_with_past_model.onnx");
    assertMessage(dir, DecoderLayout.MERGED, "lacks decoder_model_merged.onnx");
    touch("decoder_with_past_model.onnx");
    assertEquals(DecoderLayout.SPLIT, WhisperModelFolder.open(dir).layout());
  }

  private static void assertMessage(Path dir, DecoderLayout layout, String expected) {
    ModelLoadException e =
        assertThrows(ModelLoadException.class, () -> WhisperModelFolder.open(dir, layout));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
