package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.inference.asr.whisper.model.WhisperStandInGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short real run of {@code bench --engine whisper} on the tiny stand-in (random weights, real
 * architecture; generated once into {@code target/standin/whisper-tiny}, skipped with the reason
 * when {@code /usr/bin/python3} cannot import onnx): every phase runs and the last line parses with
 * positive figures.
 */
class WhisperBenchRunTest {

  private static final Pattern LAST_LINE =
      Pattern.compile(
          "bench: engine=whisper device=cpu arch=tiny best_batch=(\\d+)"
              + " xrt_per_stream=(\\d+\\.\\d+) live_streams=(\\d+) final_p95_s=(\\d+\\.\\d+)");

  @TempDir Path tmp;

  /** The tiny stand-in, generated on first use. */
  static Path tinyStandIn() throws Exception {
    Optional<String> problem =
        WhisperStandInGenerator.pythonProblem(WhisperStandInGenerator.defaultPython());
    assumeTrue(problem.isEmpty(), () -> "Whisper stand-in test skipped: " + problem.get());
    Path dir = Path.of("target", "standin", "whisper-tiny").toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("decoder_model_merged.onnx"))) {
      WhisperStandInGenerator.builder().arch("tiny").out(dir).build().generate();
    }
    return dir;
  }

  @Test
  void aShortRunOnTheTinyStandInEndsWithTheMachineReadableLine() throws Exception {
    Path model = tinyStandIn();
    Path wav = TestAudio.wav(tmp.resolve("speech.wav"), TestAudio.noise(16_000 * 8, 7));
    Path json = tmp.resolve("curve.json");
    CliRun run =
        CliRun.of(
            "bench",
            "--engine",
            "whisper",
            "--model-dir",
            model.toString(),
            "--input",
            wav.toString(),
            "--batch-sizes",
            "1,2",
            "--decode-steps",
            "4",
            "--streams",
            "1",
            "--duration-s",
            "4",
            "--segment-ms",
            "2000",
            "--json",
            json.toString());
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
    List<String> lines = run.out().strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    Matcher m = LAST_LINE.matcher(last);
    assertTrue(m.matches(), last);
    int bestBatch = Integer.parseInt(m.group(1));
    assertTrue(bestBatch == 1 || bestBatch == 2, last);
    assertTrue(Double.parseDouble(m.group(2)) > 0, last);
    int live = Integer.parseInt(m.group(3));
    assertEquals(run.exitCode() == 0 ? 1 : 0, live, last);
    assertTrue(Double.parseDouble(m.group(4)) > 0, last);
    assertTrue(run.out().contains("stand-in with random weights"), run.out());
    assertTrue(run.out().contains("forced to 4 sampled tokens per window"), run.out());

    String written = Files.readString(json);
    assertTrue(written.contains("\"curve\":[{\"batch\":1,"), written);
    assertTrue(written.contains("{\"batch\":2,"), written);
    assertTrue(written.contains("\"trials\":[{\"streams\":1,"), written);
  }
}
