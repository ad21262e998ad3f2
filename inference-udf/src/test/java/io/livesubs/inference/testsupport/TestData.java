package io.livesubs.inference.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.audio.WavReader;
import io.livesubs.inference.models.ModelLocator;
import io.livesubs.inference.models.ModelNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Access to ../shared (evaluation audio, references) and to the models provisioned by the build.
 * Tests that need ../shared are skipped with a message when it is absent.
 */
public final class TestData {
  private TestData() {}

  /** The shared data directory; skips the test when absent. */
  public static Path sharedDir() {
    String prop = System.getProperty(ModelLocator.SHARED_DIR_PROPERTY);
    Path dir = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "shared");
    assumeTrue(
        Files.isDirectory(dir.resolve("eval")),
        "Shared data directory not found at " + dir.toAbsolutePath() + ": test skipped");
    return dir;
  }

  /** A file below {@code shared/eval}; skips the test when absent. */
  public static Path evalFile(String relative) {
    Path file = sharedDir().resolve("eval").resolve(relative);
    assumeTrue(Files.isRegularFile(file), "Evaluation file missing: " + file + ": test skipped");
    return file;
  }

  /** Reads a 16 kHz mono WAV below {@code shared/eval}. */
  public static short[] evalAudio(String relative) {
    try {
      return WavReader.readMono16k(evalFile(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Silero VAD v5 model; skips the test when the build could not provision it. */
  public static Path sileroModel() {
    try {
      return ModelLocator.fromEnvironment().sileroVad(null);
    } catch (ModelNotFoundException e) {
      assumeTrue(false, "Silero VAD not provisioned (offline build without ../shared?): " + e);
      throw e;
    }
  }

  /** The Vosk en-us model; always provisioned by the build from Maven Central. */
  public static Path voskModel() {
    return ModelLocator.fromEnvironment().voskModel(null);
  }

  /** Rows of a TSV file with a header line, split on tabs. */
  public static List<String[]> tsvRows(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          rows.add(line.split("\t", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Samples {@code [fromSeconds, toSeconds)} of 16 kHz audio. */
  public static short[] slice(short[] audio, double fromSeconds, double toSeconds) {
    int from = (int) Math.round(fromSeconds * 16_000);
    int to = (int) Math.min(audio.length, Math.round(toSeconds * 16_000));
    short[] out = new short[to - from];
    System.arraycopy(audio, from, out, 0, out.length);
    return out;
  }
}
