package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options of {@code livesubs bench --engine whisper}, through the whole command line, in-process:
 * every bad argument is one line and exit code 2, before any model is loaded.
 */
class WhisperBenchCommandTest {

  @TempDir Path tmp;

  private static void assertOneLineError(String expected, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    String line = run.errLines().get(0);
    assertTrue(line.startsWith("livesubs: "), line);
    assertTrue(line.contains(expected), line);
    assertEquals("", run.out());
  }

  private String[] whisper(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "bench";
    args[1] = "--engine";
    args[2] = "whisper";
    args[3] = "--model-dir=" + tmp.resolve("model");
    System.arraycopy(more, 0, args, 4, more.length);
    return args;
  }

  @Test
  void helpDescribesTheWhisperMode() {
    CliRun help = CliRun.of("bench", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("engine=whisper device=<d> arch=<a>"), help.out());
    assertTrue(help.out().contains("--model-dir"), help.out());
  }

  @Test
  void theEngineMustBeKnownAndWhisperOptionsNeedIt() {
    assertOneLineError(
        "--engine must be vosk or whisper, was 'whisp'", "bench", "--engine", "whisp");
    assertOneLineError("--model-dir needs --engine whisper", "bench", "--model-dir", "/tmp");
    assertOneLineError(
        "--batch-sizes needs --engine whisper", "bench", "--engine", "vosk", "--batch-sizes", "1");
  }

  @Test
  void aMissingModelFolderIsBadInput() throws Exception {
    assertOneLineError("--engine whisper needs --model-dir DIR", "bench", "--engine", "whisper");
    assertOneLineError("does not exist", whisper());
    Files.createDirectories(tmp.resolve("model"));
    assertOneLineError("lacks config.json", whisper());
    Files.writeString(tmp.resolve("model/config.json"), "{}");
    assertOneLineError("encoder_model.onnx", whisper());
  }

  @Test
  void badNumbersAreOneLineUsageErrors() {
    assertOneLineError("--device: Unknown execution device 'tpu'", whisper("--device", "tpu"));
    assertOneLineError("--threads must be 1 to 64, got 0", whisper("--threads", "0"));
    assertOneLineError("--batch-sizes must be 1 to 1024, got 0", whisper("--batch-sizes", "1,0"));
    assertOneLineError("ascending without repeats, got 2", whisper("--batch-sizes", "4,2"));
    assertOneLineError("--decode-steps must be 1 to 220, got 0", whisper("--decode-steps", "0"));
    assertOneLineError("--step-ms must be a multiple of 100", whisper("--step-ms", "150"));
    assertOneLineError(
        "--segment-ms must be a multiple of 100 from --step-ms (1000)",
        whisper("--segment-ms", "500"));
    assertOneLineError("--duration-s must be 2 to 3600", whisper("--duration-s", "1"));
    assertOneLineError(
        "--streams must be 1 to 8 (--max-streams), got 9",
        whisper("--max-streams", "8", "--streams", "9"));
    assertOneLineError("--max-streams must be 1 to 4096, got 0", whisper("--max-streams", "0"));
  }

  @Test
  void theVoskBenchKeepsItsOwnStreamLimitButWhisperDoesNot() {
    // 300 streams are out of range for the Vosk bench only; with whisper the model folder is
    // the first thing found wrong.
    assertOneLineError("--streams must be 1 to 64, got 300", "bench", "--streams", "300");
    assertOneLineError("does not exist", whisper("--streams", "300"));
  }
}
