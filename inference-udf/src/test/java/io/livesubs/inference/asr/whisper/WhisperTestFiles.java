package io.livesubs.inference.asr.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.models.ModelLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Locates the Whisper assets in the shared data directory and the project's Python reference
 * scripts, and runs those scripts. Tests are skipped with a message when an asset is absent; a
 * missing Python/NumPy only skips outside CI (environment variable {@code CI} unset), because in CI
 * the reference comparison must run.
 */
public final class WhisperTestFiles {
  private WhisperTestFiles() {}

  /**
   * The shared data directory (system property {@code livesubs.shared.dir}, else {@code
   * ../shared}); may not exist.
   */
  public static Path sharedDir() {
    String prop = System.getProperty(ModelLocator.SHARED_DIR_PROPERTY);
    return prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "shared");
  }

  /** A file below {@code eval/} in the shared data directory; skips when absent. */
  public static Path evalFile(String relative) {
    Path file = sharedDir().resolve("eval").resolve(relative);
    assumeTrue(Files.isRegularFile(file), "Evaluation file missing: " + file + ": test skipped");
    return file;
  }

  /** {@code models/whisper-tokenizer} in the shared data directory; skips when absent. */
  public static Path tokenizerDir() {
    Path dir = sharedDir().resolve("models").resolve("whisper-tokenizer");
    assumeTrue(
        Files.isDirectory(dir),
        "Whisper tokenizer assets not found at " + dir.toAbsolutePath() + ": test skipped");
    return dir;
  }

  /** A file in {@code models/whisper-tokenizer}; skips when absent. */
  public static Path asset(String name) {
    Path file = tokenizerDir().resolve(name);
    assumeTrue(Files.isRegularFile(file), "Whisper asset missing: " + file + ": test skipped");
    return file;
  }

  /** A script below {@code scripts/whisper}, found from the working directory or its parents. */
  public static Path script(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts").resolve("whisper").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "scripts/whisper/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * Returns a Python interpreter that can import every module in {@code modules}: the {@code
   * python3} on the PATH, else Debian's {@code /usr/bin/python3} (where {@code
   * scripts/install-prereqs.sh} installs python3-numpy and python3-regex). Skips the test, or fails
   * it in CI, when neither can.
   */
  public static String assumePython(String... modules) {
    List<String> problems = new ArrayList<>();
    for (String python : List.of("python3", "/usr/bin/python3")) {
      List<String> command =
          new ArrayList<>(List.of(python, "-c", "import " + String.join(", ", modules)));
      try {
        Result result = run(command, 60);
        if (result.exitCode() == 0) {
          return python;
        }
        problems.add(python + ": " + result.output().strip());
      } catch (IOException e) {
        problems.add(python + " not runnable: " + e.getMessage());
      }
    }
    String message =
        "python3 with "
            + String.join(", ", modules)
            + " is needed for the reference comparison"
            + " (Debian: apt-get install python3-numpy python3-regex): "
            + String.join("; ", problems);
    if (System.getenv("CI") != null) {
      fail(message);
    }
    assumeTrue(false, message + ": test skipped");
    throw new AssertionError("unreachable");
  }

  /** Runs a command to completion and fails the test if it exits non-zero. */
  public static String runChecked(List<String> command, int timeoutSeconds) throws IOException {
    Result result = run(command, timeoutSeconds);
    assertEquals(0, result.exitCode(), () -> command + " failed:\n" + result.output());
    return result.output();
  }

  private static Result run(List<String> command, int timeoutSeconds) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      // Reading to EOF first keeps the child from blocking on a full pipe.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command + " did not finish in " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running " + command, e);
    }
  }

  private record Result(int exitCode, String output) {}
}
