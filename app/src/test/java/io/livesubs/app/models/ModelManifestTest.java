package io.livesubs.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests: the built-in one, JSON ones, and the checks on both. */
class ModelManifestTest {
  @TempDir Path tmp;

  @Test
  void theBuiltInManifestPointsAtTheOnnxCommunityExports() {
    ModelManifest m = WhisperExports.MANIFEST;
    assertEquals(
        List.of("whisper-base", "whisper-small", "whisper-tiny"), List.copyOf(m.models().keySet()));
    for (String model : WhisperExports.MODELS) {
      List<ManifestFile> files = m.files(model);
      ManifestFile encoder =
          files.stream().filter(f -> f.path().equals("onnx/encoder_model.onnx")).findFirst().get();
      assertEquals(
          URI.create(
              "https://huggingface.co/onnx-community/"
                  + model
                  + "/resolve/main/onnx/encoder_model.onnx"),
          m.url(encoder, null));
      assertTrue(files.stream().anyMatch(f -> f.path().equals("onnx/decoder_model_merged.onnx")));
      assertTrue(files.stream().anyMatch(f -> f.path().equals("config.json")));
      ManifestFile tiktoken =
          files.stream().filter(f -> f.path().equals("multilingual.tiktoken")).findFirst().get();
      assertTrue(tiktoken.verifiable());
      assertEquals(
          URI.create("http://mirror:8080/openai/whisper/main/whisper/assets/multilingual.tiktoken"),
          m.url(tiktoken, URI.create("http://mirror:8080/")));
    }
  }

  @Test
  void theBuiltInTokenizerChecksumsMatchTheSharedCopies() throws IOException {
    Path shared = Path.of(System.getProperty("livesubs.shared.dir", "../shared"));
    Path dir = shared.resolve("models/whisper-tokenizer");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(dir), "shared tokenizer assets not found at " + dir + ": skipped");
    for (ManifestFile f : WhisperExports.MANIFEST.files("whisper-base")) {
      if (f.verifiable()) {
        FileDigest digest = FileDigest.of(dir.resolve(f.path()));
        assertTrue(digest.mismatch(f).isEmpty(), f.path() + ": " + digest.mismatch(f));
      }
    }
  }

  @Test
  void readsJsonAndRejectsBadEntriesByName() throws IOException {
    Path file = tmp.resolve("m.json");
    Files.writeString(
        file,
        "{\"sources\": {\"s\": \"http://h/\"}, \"models\": {\"x\": [{\"path\": \"a/b.onnx\","
            + " \"source\": \"s\", \"remote\": \"r/b.onnx\", \"size\": 3, \"sha256\": \""
            + "AB".repeat(32)
            + "\"}]}}");
    ModelManifest m = ModelManifest.read(file);
    assertEquals("ab".repeat(32), m.files("x").get(0).sha256());
    assertEquals(3L, m.files("x").get(0).size());

    assertBad(
        file,
        "{\"sources\": {\"s\": \"http://h/\"}, \"models\": {\"x\": [{\"path\":"
            + " \"../evil\", \"source\": \"s\", \"remote\": \"r\"}]}}",
        "plain relative path");
    assertBad(
        file,
        "{\"sources\": {\"s\": \"http://h/\"}, \"models\": {\"x\": [{\"path\":"
            + " \"a\", \"source\": \"t\", \"remote\": \"r\"}]}}",
        "unknown source t");
    assertBad(file, "{\"sources\": {\"s\": \"ftp://h/\"}, \"models\": {}}", "http(s) URL");
    assertBad(
        file,
        "{\"sources\": {\"s\": \"http://h/\"}, \"models\": {\"x\": [{\"path\":"
            + " \"a\", \"source\": \"s\", \"remote\": \"r\", \"sha256\": \"xyz\"}]}}",
        "64 hex digits");
    assertBad(file, "{not json", "is not valid");
  }

  private static void assertBad(Path file, String json, String expected) throws IOException {
    Files.writeString(file, json);
    IOException e = assertThrows(IOException.class, () -> ModelManifest.read(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void filePathsMustStayInsideTheModelFolder() {
    for (String bad : new String[] {"/etc/passwd", "../x", "a/../../x", ""}) {
      assertThrows(
          IllegalArgumentException.class, () -> new ManifestFile(bad, "s", "r", null, null), bad);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModelManifest(Map.of("s", "http://h/"), Map.of("x", List.of())));
  }
}
