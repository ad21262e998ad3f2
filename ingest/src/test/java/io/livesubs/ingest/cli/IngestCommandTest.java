package io.livesubs.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code ingest} in-process with bad inputs: one line on stderr and exit code 2. */
class IngestCommandTest {

  @TempDir Path dir;
  private Path goodWav;

  record Result(int exitCode, String err) {
    List<String> lines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
  }

  static Result run(InputStream stdin, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = CliErrors.install(new CommandLine(new IngestCommand(stdin)));
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    int code = cmd.execute(args);
    return new Result(code, err.toString());
  }

  private static Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  /** A minimal valid 16 kHz mono s16 WAV of {@code samples} samples. */
  static byte[] wav(int samples, int formatTag) {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) formatTag).putShort((short) 1).putInt(16_000).putInt(32_000);
    b.putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
    return b.array();
  }

  @BeforeEach
  void writeGoodWav() throws IOException {
    goodWav = dir.resolve("good.wav");
    Files.write(goodWav, wav(16_000, 1));
  }

  private static void assertBadInput(Result r, String expectedMessagePart) {
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.lines().size(), "exactly one line expected:\n" + r.err());
    String line = r.lines().get(0);
    assertTrue(line.startsWith("livesubs: "), line);
    assertTrue(
        line.contains(expectedMessagePart), "'" + line + "' lacks '" + expectedMessagePart + "'");
  }

  private String[] with(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--stream-id", "cam-1", "--input", goodWav.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void missingOrUnknownOptions() {
    assertBadInput(run("--input", goodWav.toString()), "Missing required option: '--stream-id");
    assertBadInput(run(with("--bogus")), "Unknown option: '--bogus'");
    assertBadInput(run(with("--chunk-ms", "abc")), "Invalid value for option '--chunk-ms'");
    assertBadInput(run(with("--realtime", "--fast")), "mutually exclusive");
  }

  @Test
  void badStreamIds() {
    assertBadInput(
        run("--stream-id", "a b", "--input", goodWav.toString()),
        "invalid --stream-id: stream id 'a b' is invalid");
    assertBadInput(
        run("--stream-id", "x".repeat(65), "--input", goodWav.toString()),
        "invalid --stream-id: stream id is 65 characters long");
    assertBadInput(
        run("--stream-id", "x".repeat(62), "--input", goodWav.toString(), "--streams", "10"),
        "invalid --stream-id with --streams 10");
  }

  @Test
  void badInputFiles() throws IOException {
    Path missing = dir.resolve("missing.wav");
    assertBadInput(
        run("--stream-id", "s", "--input", missing.toString()), "input file not found: " + missing);

    Path text = dir.resolve("x.wav");
    Files.writeString(text, "not audio");
    assertBadInput(
        run("--stream-id", "s", "--input", text.toString()),
        text + " is not a WAV file (no RIFF/WAVE header)");

    Path mp3 = dir.resolve("mp3.wav");
    Files.write(mp3, wav(100, 0x55));
    assertBadInput(
        run("--stream-id", "s", "--input", mp3.toString()),
        "unsupported WAV encoding: format tag 0x0055 (MPEG");

    Path empty = dir.resolve("empty.wav");
    Files.write(empty, wav(0, 1));
    assertBadInput(
        run("--stream-id", "s", "--input", empty.toString()), empty + " has no audio samples");

    assertBadInput(run("--stream-id", "s", "--input", dir.toString()), "is a directory");
  }

  @Test
  void badStdinUse() {
    assertBadInput(run("--stream-id", "s", "-"), "stdin has no audio samples");
    assertBadInput(run("--stream-id", "s"), "no input: give --input FILE.wav, or -");
    assertBadInput(run(with("-")), "give either --input FILE.wav or - (stdin), not both");
    assertBadInput(run("--stream-id", "s", "file.wav"), "unexpected argument 'file.wav'");
  }

  @Test
  void badNumbersAndSettings() {
    assertBadInput(run(with("--chunk-ms", "10")), "--chunk-ms must be 20 to 2000, was 10");
    assertBadInput(run(with("--chunk-ms", "2001")), "--chunk-ms must be 20 to 2000, was 2001");
    assertBadInput(run(with("--streams", "0")), "--streams must be 1 to 1000, was 0");
    assertBadInput(run(with("--streams", "1001")), "--streams must be 1 to 1000, was 1001");
    assertBadInput(run(with("--reorder-ms", "-5")), "--reorder-ms must be 0 to 60000, was -5");
    assertBadInput(run(with("--drop-rate", "1.5")), "--drop-rate must be in [0, 1], was 1.5");
    assertBadInput(run(with("--duplicate-rate", "-0.1")), "--duplicate-rate must be in [0, 1]");
    assertBadInput(run(with("--corrupt-rate", "NaN")), "--corrupt-rate must be in [0, 1]");
    assertBadInput(run(with("--language", "en_US")), "invalid --language: language 'en_US'");
    assertBadInput(run(with("--schema-registry", "ftp://x")), "--schema-registry: 'ftp://x'");
    assertBadInput(run(with("--bootstrap-servers", "kafka")), "'kafka' is not host:port");
  }

  @Test
  void helpExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine cmd = CliErrors.install(new CommandLine(new IngestCommand()));
    cmd.setOut(new PrintWriter(out, true));
    assertEquals(0, cmd.execute("--help"));
    assertTrue(out.toString().contains("--stream-id=ID"), out.toString());
  }
}
