package io.livesubs.jobs.testing;

import io.livesubs.inference.audio.WavReader;
import io.livesubs.inference.models.ModelLocator;
import io.livesubs.inference.models.ModelNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared evaluation data ({@code ../shared}, or the system property {@code
 * livesubs.shared.dir}) and the models, for tests that need real speech and real models. Tests are
 * skipped with a message when either is missing.
 */
public final class SharedData {

  private SharedData() {}

  /** The shared data directory. */
  public static Path dir() {
    String property = System.getProperty(ModelLocator.SHARED_DIR_PROPERTY);
    return property == null || property.isBlank() ? Path.of("..", "shared") : Path.of(property);
  }

  /** A file below the shared directory; skips the test when it is missing. */
  public static Path require(String relative) {
    Path file = dir().resolve(relative);
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "shared data " + file + " is missing (set -Dlivesubs.shared.dir); skipping");
    return file;
  }

  /** The samples of a 16 kHz mono WAV below the shared directory. */
  public static short[] wav(String relative) throws IOException {
    return WavReader.readMono16k(require(relative));
  }

  /** The first {@code seconds} of a 16 kHz mono WAV below the shared directory. */
  public static short[] wav(String relative, int seconds) throws IOException {
    short[] all = wav(relative);
    return Arrays.copyOf(all, Math.min(all.length, seconds * 16_000));
  }

  /** Reference transcripts of {@code eval/speech.tsv}, by file. */
  public static Map<String, String> references() throws IOException {
    List<String> lines = Files.readAllLines(require("eval/speech.tsv"));
    Map<String, String> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      out.put(f[0], f[3]);
    }
    return out;
  }

  /** Skips the test unless the Silero VAD model can be found. */
  public static void assumeSileroVad() {
    try {
      ModelLocator.fromEnvironment().sileroVad(null);
    } catch (ModelNotFoundException e) {
      Assumptions.abort("Silero VAD model not found, skipping: " + e.getMessage());
    }
  }

  /** Skips the test unless the Vosk model can be found (build inference-udf to provision it). */
  public static void assumeVosk() {
    try {
      ModelLocator.fromEnvironment().voskModel(null);
    } catch (ModelNotFoundException e) {
      Assumptions.abort("Vosk model not found, skipping: " + e.getMessage());
    }
  }
}
