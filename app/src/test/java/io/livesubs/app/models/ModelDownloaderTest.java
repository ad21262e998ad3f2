package io.livesubs.app.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelDownloader} against an in-process HTTP mirror serving generated files. */
class ModelDownloaderTest {
  @TempDir Path tmp;

  private Path served;
  private Path models;
  private MirrorServer mirror;
  private final StringWriter log = new StringWriter();
  private byte[] encoder;
  private byte[] config;
  private byte[] tokens;

  @BeforeEach
  void serve() throws IOException {
    served = Files.createDirectories(tmp.resolve("served"));
    models = tmp.resolve("models");
    encoder = bytes(300_000, 1);
    config = "{\"d_model\": 384}".getBytes();
    tokens = bytes(5_000, 2);
    write("repo/onnx/encoder_model.onnx", encoder);
    write("repo/config.json", config);
    write("assets/multilingual.tiktoken", tokens);
    mirror = new MirrorServer(served);
  }

  @AfterEach
  void stop() {
    mirror.close();
  }

  private void write(String path, byte[] content) throws IOException {
    Path file = served.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  /** encoder and tokens pinned by size and digest, config unpinned. */
  private ModelManifest manifest(String encoderSha) throws Exception {
    return new ModelManifest(
        Map.of("hub", "https://hub.invalid/", "raw", "https://raw.invalid/"),
        Map.of(
            "m",
            List.of(
                new ManifestFile("config.json", "hub", "repo/config.json", null, null),
                new ManifestFile(
                    "onnx/encoder_model.onnx",
                    "hub",
                    "repo/onnx/encoder_model.onnx",
                    (long) encoder.length,
                    encoderSha),
                new ManifestFile(
                    "multilingual.tiktoken",
                    "raw",
                    "assets/multilingual.tiktoken",
                    (long) tokens.length,
                    sha256(tokens)))));
  }

  private List<ModelDownloader.FileResult> pull(ModelManifest manifest) throws IOException {
    return new ModelDownloader(ModelDownloader.defaultClient(), new PrintWriter(log, true))
        .pull(manifest, "m", models.resolve("m"), mirror.baseUrl());
  }

  private void assertInstalled() throws IOException {
    assertArrayEquals(encoder, Files.readAllBytes(models.resolve("m/onnx/encoder_model.onnx")));
    assertArrayEquals(config, Files.readAllBytes(models.resolve("m/config.json")));
    assertArrayEquals(tokens, Files.readAllBytes(models.resolve("m/multilingual.tiktoken")));
    assertNoPartFiles();
  }

  private void assertNoPartFiles() throws IOException {
    if (Files.exists(models)) {
      try (Stream<Path> walk = Files.walk(models)) {
        assertFalse(walk.anyMatch(p -> p.toString().endsWith(".part")), "a .part file was left");
      }
    }
  }

  @Test
  void downloadsEveryFileThenSkipsWhatIsAlreadyPresent() throws Exception {
    ModelManifest manifest = manifest(sha256(encoder));
    List<ModelDownloader.FileResult> first = pull(manifest);
    assertTrue(
        first.stream().allMatch(r -> r.outcome() == ModelDownloader.Outcome.DOWNLOADED),
        log::toString);
    assertInstalled();
    assertEquals(3, mirror.requests().size());
    assertTrue(
        log.toString().contains("sha256 " + sha256(config)), "unpinned digest printed: " + log);

    List<ModelDownloader.FileResult> second = pull(manifest);
    assertTrue(
        second.stream().allMatch(r -> r.outcome() == ModelDownloader.Outcome.ALREADY_PRESENT));
    assertEquals(3, mirror.requests().size(), "present files must not be fetched again");
  }

  @Test
  void aChecksumMismatchIsRejectedAndLeavesNothingInPlace() throws Exception {
    ModelManifest manifest = manifest(sha256(bytes(300_000, 99)));
    ModelVerificationException e =
        assertThrows(ModelVerificationException.class, () -> pull(manifest));
    assertTrue(e.getMessage().contains("onnx/encoder_model.onnx"), e.getMessage());
    assertTrue(e.getMessage().contains("expected " + sha256(bytes(300_000, 99))), e.getMessage());
    assertFalse(Files.exists(models.resolve("m/onnx/encoder_model.onnx")));
    assertNoPartFiles();
  }

  @Test
  void aWrongSizeIsRejectedBeforeTheDigest() throws Exception {
    write("repo/onnx/encoder_model.onnx", bytes(1000, 1));
    ModelVerificationException e =
        assertThrows(ModelVerificationException.class, () -> pull(manifest(sha256(encoder))));
    assertTrue(e.getMessage().contains("size 1000 bytes, expected 300000"), e.getMessage());
    assertNoPartFiles();
  }

  @Test
  void aCorruptFileInPlaceIsFetchedAgain() throws Exception {
    Path target = models.resolve("m/onnx/encoder_model.onnx");
    Files.createDirectories(target.getParent());
    Files.write(target, bytes(300_000, 7));
    List<ModelDownloader.FileResult> results = pull(manifest(sha256(encoder)));
    assertEquals(ModelDownloader.Outcome.DOWNLOADED, results.get(1).outcome());
    assertInstalled();
  }

  @Test
  void anInterruptedDownloadResumesWithARangeRequest() throws Exception {
    Path part = models.resolve("m/onnx/encoder_model.onnx.part");
    Files.createDirectories(part.getParent());
    Files.write(part, java.util.Arrays.copyOf(encoder, 100_000));
    pull(manifest(sha256(encoder)));
    assertInstalled();
    assertEquals("bytes=100000-", mirror.rangeHeader("repo/onnx/encoder_model.onnx"));
    assertEquals(200_000 + config.length + tokens.length, mirror.bytesServed());
  }

  @Test
  void aServerIgnoringRangesGetsAFreshDownload() throws Exception {
    mirror.ignoreRanges(true);
    Path part = models.resolve("m/onnx/encoder_model.onnx.part");
    Files.createDirectories(part.getParent());
    Files.write(part, java.util.Arrays.copyOf(encoder, 100_000));
    pull(manifest(sha256(encoder)));
    assertInstalled();
  }

  @Test
  void anHttpErrorNamesTheUrlAndStatus() throws Exception {
    Files.delete(served.resolve("repo/config.json"));
    IOException e = assertThrows(IOException.class, () -> pull(manifest(sha256(encoder))));
    assertTrue(e.getMessage().contains("repo/config.json answered HTTP 404"), e.getMessage());
    assertFalse(Files.exists(models.resolve("m/config.json")));
  }

  @Test
  void anUnknownModelListsTheKnownOnes() throws Exception {
    ModelManifest manifest = manifest(sha256(encoder));
    ModelDownloader downloader =
        new ModelDownloader(ModelDownloader.defaultClient(), new PrintWriter(log, true));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> downloader.pull(manifest, "nope", models, mirror.baseUrl()));
    assertTrue(e.getMessage().contains("known: m"), e.getMessage());
  }
}
