package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.LivesubsCli;
import io.livesubs.app.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Options of {@code livesubs bench}, through the whole command line, in-process. */
class BenchCommandTest {

  private static void assertUsageError(String expected, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    String line = run.errLines().get(0);
    assertTrue(line.startsWith("livesubs: "), line);
    assertTrue(line.contains(expected), line);
    assertEquals("", run.out());
  }

  @Test
  void isASubcommand() {
    assertTrue(LivesubsCli.commandLine().getSubcommands().containsKey("bench"));
    CliRun help = CliRun.of("bench", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("raw_xrt=<a>"), help.out());
  }

  @Test
  void badNumbersAreOneLineUsageErrors() {
    assertUsageError("--streams must be 1 to 64, got 0", "bench", "--streams", "0");
    assertUsageError("--streams must be 1 to 64, got 65", "bench", "--streams", "65");
    assertUsageError("--duration-s must be 1 to 3600, got 0", "bench", "--duration-s", "0");
    assertUsageError("--parallelism must be 1 to 16, got 0", "bench", "--parallelism", "0");
    assertUsageError("--backlog-s must be 5 to 3600, got 4", "bench", "--backlog-s", "4");
    assertUsageError("'many'", "bench", "--streams", "many");
  }

  @Test
  void badTranslationArgumentsAreOneLineUsageErrors() {
    assertUsageError("--translate: language 'x_y'", "bench", "--translate", "es,x_y");
    assertUsageError(
        "unknown translation option 'translation.nope'",
        "bench",
        "--translate",
        "es",
        "-T",
        "translation.nope=1");
  }

  @Test
  void recognitionOptionsReachTheSettingsAndBadOnesAreOneLineUsageErrors() {
    BenchCommand command = new BenchCommand();
    new CommandLine(command)
        .parseArgs("-R", "asr.commit-pause-ms=150", "-R", "asr.partial-interval-ms=100");
    BenchSettings settings = command.settings();
    assertEquals(150, settings.recognition().commit().pauseMs());
    assertEquals(100, settings.recognition().asr().partialIntervalMs());
    assertUsageError("asr.nope", "bench", "-R", "asr.nope=1");
    assertUsageError("partialIntervalMs", "bench", "-R", "asr.partial-interval-ms=-5");
  }

  @Test
  void unknownOptionsAndDeliveriesAreOneLineUsageErrors() {
    assertUsageError("--no-such-option", "bench", "--no-such-option");
    assertUsageError("not a delivery guarantee", "bench", "--delivery", "twice");
  }

  @Test
  void aMissingOrUnusableInputIsBadInput(@TempDir Path dir) throws Exception {
    CliRun missing =
        CliRun.of("bench", "--input", dir.resolve("nothing.wav").toString(), "--skip-live");
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(missing.err().contains("nothing.wav"), missing.err());

    Path notWav = Files.writeString(dir.resolve("text.wav"), "this is not audio");
    CliRun bad = CliRun.of("bench", "--input", notWav.toString());
    assertEquals(2, bad.exitCode(), bad.err());
    assertEquals(1, bad.errLines().size(), bad.err());

    CliRun directory = CliRun.of("bench", "--input", dir.toString());
    assertEquals(2, directory.exitCode(), directory.err());
    assertTrue(directory.err().contains("is a directory"), directory.err());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs();
    BenchSettings settings = command.settings();
    assertEquals(16, settings.streams());
    assertEquals(60, settings.durationSeconds());
    assertEquals(BenchSettings.defaultParallelism(), settings.parallelism());
    assertEquals(60, settings.backlogSeconds());
    assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, settings.delivery());
  }
}
