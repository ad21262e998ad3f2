package io.livesubs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.livesubs.app.testing.CliRun;
import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.model.OnnxWhisperModel;
import io.livesubs.inference.asr.whisper.model.WhisperStandInGenerator;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs models}, in-process: argument errors (one line, exit 2) everywhere; stand-in,
 * pull from a local HTTP mirror and list end to end where python3-onnx is installed.
 */
class ModelsCommandTest {
  @TempDir Path tmp;

  private static void assertUsageError(CliRun run, String expected) {
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), "one line: " + run.err());
    assertTrue(run.err().startsWith("livesubs: "), run.err());
    assertTrue(run.err().contains(expected), run.err());
  }

  @Test
  void badArgumentsGiveOneLineAndExitCode2() {
    String out = tmp.resolve("m").toString();
    assertUsageError(CliRun.of("models"), "missing subcommand");
    assertUsageError(CliRun.of("models", "fly"), "fly");
    assertUsageError(CliRun.of("models", "stand-in", "--out", out), "--arch");
    assertUsageError(CliRun.of("models", "stand-in", "--arch", "tiny"), "--out");
    assertUsageError(
        CliRun.of("models", "stand-in", "--arch", "huge", "--out", out), "tiny, base or small");
    assertUsageError(
        CliRun.of("models", "stand-in", "--arch", "tiny", "--out", out, "--layout", "diagonal"),
        "merged or split");
    assertUsageError(
        CliRun.of("models", "stand-in", "--arch", "tiny", "--out", out, "--logit-bias", "50362"),
        "TOKEN=VALUE");
    assertUsageError(
        CliRun.of("models", "stand-in", "--arch", "tiny", "--out", out, "--seed", "x"), "--seed");
    assertUsageError(CliRun.of("models", "pull"), "NAME");
    assertUsageError(
        CliRun.of("models", "pull", "whisper-huge", "--dir", out), "unknown model 'whisper-huge'");
    assertUsageError(
        CliRun.of("models", "pull", "whisper-base", "--dir", out, "--base-url", "ftp://x/"),
        "--base-url");
    assertUsageError(
        CliRun.of(
            "models", "pull", "whisper-base", "--manifest", tmp.resolve("no.json").toString()),
        "manifest file not found");
    assertUsageError(
        CliRun.of("models", "list", "--dir", tmp.resolve("none").toString()),
        "models directory not found");
    assertFalse(Files.exists(tmp.resolve("m")), "nothing may be written on a usage error");
  }

  @Test
  void standInPullAndListEndToEnd() throws Exception {
    Optional<String> problem =
        WhisperStandInGenerator.pythonProblem(WhisperStandInGenerator.defaultPython());
    assumeTrue(problem.isEmpty(), () -> "stand-in CLI test skipped: " + problem.get());

    Path source = tmp.resolve("served/standin");
    CliRun standIn =
        CliRun.of(
            "models",
            "stand-in",
            "--arch",
            "tiny",
            "--layout",
            "split",
            "--out",
            source.toString());
    assertEquals(0, standIn.exitCode(), standIn.err());
    assertTrue(standIn.out().contains("split decoder"), standIn.out());

    List<String> files;
    try (Stream<Path> list = Files.list(source)) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(files.contains("decoder_with_past_model.onnx"), files.toString());
    Path manifest = tmp.resolve("manifest.json");
    Files.writeString(manifest, manifestJson("tiny-test", source, files, null));

    HttpServer server = serve(tmp.resolve("served"));
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      Path models = tmp.resolve("models");
      String[] pull = {
        "models",
        "pull",
        "tiny-test",
        "--manifest",
        manifest.toString(),
        "--base-url",
        base,
        "--dir",
        models.toString()
      };
      CliRun first = CliRun.of(pull);
      assertEquals(0, first.exitCode(), first.err());
      assertTrue(
          first.out().contains(files.size() + " downloaded, 0 already present"), first.out());
      CliRun second = CliRun.of(pull);
      assertEquals(0, second.exitCode(), second.err());
      assertTrue(second.out().contains("0 downloaded, " + files.size() + " already"), second.out());

      CliRun list = CliRun.of("models", "list", "--dir", models.toString());
      assertEquals(0, list.exitCode(), list.err());
      assertTrue(
          list.out().contains("tiny-test\twhisper\twhisper-tiny-standin: d_model 384, 4+4 layers"),
          list.out());

      try (OnnxWhisperModel model = OnnxWhisperModel.open(models.resolve("tiny-test"));
          DecoderBatch batch = model.startBatch(List.of(new float[80 * 3000]))) {
        assertEquals(51865, batch.step(new int[] {50258})[0].length);
      }

      // A manifest pinning another digest: the pull fails in one line and installs nothing.
      Files.writeString(manifest, manifestJson("bad", source, files, "encoder_model.onnx"));
      CliRun bad =
          CliRun.of(
              "models",
              "pull",
              "bad",
              "--manifest",
              manifest.toString(),
              "--base-url",
              base,
              "--dir",
              models.toString());
      assertEquals(1, bad.exitCode(), bad.err());
      assertEquals(1, bad.errLines().stream().filter(l -> l.startsWith("livesubs: ")).count());
      assertTrue(bad.err().contains("encoder_model.onnx"), bad.err());
      assertTrue(bad.err().contains("SHA-256"), bad.err());
      assertFalse(Files.exists(models.resolve("bad/encoder_model.onnx")));
      assertFalse(Files.exists(models.resolve("bad/encoder_model.onnx.part")));
    } finally {
      server.stop(0);
    }
  }

  /**
   * A manifest for {@code files} of {@code dir}, pinned by digest; {@code corrupt} gets a wrong
   * one.
   */
  private static String manifestJson(String model, Path dir, List<String> files, String corrupt)
      throws Exception {
    List<String> entries = new ArrayList<>();
    for (String f : files) {
      byte[] content = Files.readAllBytes(dir.resolve(f));
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      if (f.equals(corrupt)) {
        sha = "0".repeat(64);
      }
      entries.add(
          String.format(
              "{\"path\": \"%s\", \"source\": \"local\", \"remote\": \"standin/%s\","
                  + " \"size\": %d, \"sha256\": \"%s\"}",
              f, f, content.length, sha));
    }
    return "{\"sources\": {\"local\": \"http://unused.invalid/\"}, \"models\": {\""
        + model
        + "\": ["
        + String.join(", ", entries)
        + "]}}";
  }

  private static HttpServer serve(Path root) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
              Files.copy(file, out);
            }
          }
        });
    server.start();
    return server;
  }
}
