package io.livesubs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code livesubs} command line, run in-process with captured output. */
class LivesubsCliTest {

  /** Output of one run. */
  private record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(String... args) {
    CommandLine cli = LivesubsCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsEverySubcommand() {
    Run run = run("--help");
    assertEquals(0, run.exitCode());
    Set<String> subcommands = LivesubsCli.commandLine().getSubcommands().keySet();
    for (String expected : List.of("stack", "ingest", "job", "serve", "demo")) {
      assertTrue(
          subcommands.contains(expected), expected + " must be a subcommand: " + subcommands);
    }
    for (String name : subcommands) {
      assertTrue(run.out().contains("  " + name), name + " missing from help:\n" + run.out());
    }
  }

  @Test
  void versionNamesTheProjectVersion() {
    Run run = run("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().startsWith("livesubs "), run.out());
    assertFalse(run.out().contains("${"), "version was not filled in by the build: " + run.out());
  }

  @Test
  void unknownTopLevelFlagGivesOneLineAndExitCode2() {
    Run run = run("--no-such-flag");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    String line = run.errLines().get(0);
    assertTrue(line.startsWith("livesubs: "), line);
    assertTrue(line.contains("--no-such-flag"), line);
    assertTrue(line.contains("try 'livesubs --help'"), line);
  }

  @Test
  void unknownSubcommandFlagPointsAtTheSubcommandsHelp() {
    Run run = run("stack", "--bogus");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("--bogus"), run.err());
    assertTrue(run.err().contains("try 'livesubs stack --help'"), run.err());
  }

  @Test
  void malformedValueGivesOneLineAndExitCode2() {
    Run run = run("stack", "--kafka-port", "ninety");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("ninety"), run.err());
  }

  @Test
  void outOfRangeValuesAreRejectedBeforeAnythingStarts() {
    Run partitions = run("stack", "--partitions", "0");
    assertEquals(2, partitions.exitCode());
    assertEquals(
        List.of("livesubs: --partitions must be at least 1, got 0 (try 'livesubs stack --help')"),
        partitions.errLines());
    Run port = run("stack", "--web-port", "70000");
    assertEquals(2, port.exitCode());
    assertTrue(port.err().contains("--web-port"), port.err());
    assertTrue(port.out().isEmpty(), "nothing may start: " + port.out());
  }

  @Test
  void portInUseGivesOneLineAndExitCode1() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());
      Run run = run("stack", "--kafka-port", port, "--registry-port", "0", "--web-port", "0");
      assertEquals(1, run.exitCode());
      assertEquals(1, run.errLines().size(), run.err());
      assertTrue(run.err().startsWith("livesubs: "), run.err());
      assertTrue(run.err().contains("Kafka port " + port), run.err());
    }
  }

  @Test
  void missingCommandIsAUsageError() {
    Run run = run();
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("stack"), "should name the commands: " + run.err());
  }

  @Test
  void ingestOfAMissingFileIsBadInput() {
    Run run = run("ingest", "--stream-id", "s", "--input", "no-such-file.wav", "--fast");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("no-such-file.wav"), run.err());
  }

  @Test
  void ingestOfADirectoryIsBadInput() throws IOException {
    Path dir = Files.createTempDirectory("livesubs-cli");
    try {
      Run run = run("ingest", "--stream-id", "s", "--input", dir.toString());
      assertEquals(2, run.exitCode());
      assertEquals(1, run.errLines().size(), run.err());
      assertTrue(run.err().contains("directory"), run.err());
    } finally {
      Files.delete(dir);
    }
  }

  @Test
  void ingestWithAnOutOfRangeFaultRateIsAUsageError() {
    Run run = run("ingest", "--stream-id", "s", "--input", "x.wav", "--drop-rate", "1.5");
    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("--drop-rate"), run.err());
  }

  @Test
  void ingestOfANonWavFileIsBadInput() throws IOException {
    Path file = Files.createTempFile("livesubs-cli", ".wav");
    try {
      Files.writeString(file, "this is not audio");
      Run run = run("ingest", "--stream-id", "s", "--input", file.toString(), "--fast");
      assertEquals(2, run.exitCode());
      assertEquals(1, run.errLines().size(), run.err());
      assertTrue(run.err().contains(file.getFileName().toString()), run.err());
    } finally {
      Files.delete(file);
    }
  }
}
