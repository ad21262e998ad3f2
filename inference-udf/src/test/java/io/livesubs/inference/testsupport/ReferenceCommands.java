package io.livesubs.inference.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's Python reference scripts and generators from tests: finds a Python that can
 * import what a test needs, finds repository files, and runs commands to completion. A missing
 * Python module skips the test with a message, except in CI (environment variable {@code CI} set),
 * where {@code scripts/install-prereqs.sh} installs it and the test must run, so it fails.
 * Thread-safe.
 */
public final class ReferenceCommands {
  private ReferenceCommands() {}

  /**
   * A Python interpreter that can import every module in {@code modules}: {@code python3} on the
   * PATH, else Debian's {@code /usr/bin/python3}. Skips the test (fails it in CI) when neither can.
   */
  public static String python(String... modules) {
    List<String> problems = new ArrayList<>();
    for (String python : List.of("python3", "/usr/bin/python3")) {
      try {
        Result result = run(List.of(python, "-c", "import " + String.join(", ", modules)), 60);
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
            + " is needed (Debian packages python3-<module>; scripts/install-prereqs.sh installs"
            + " them): "
            + String.join("; ", problems);
    if (System.getenv("CI") != null) {
      fail(message);
    }
    assumeTrue(false, message + ": test skipped");
    throw new AssertionError("unreachable");
  }

  /** A file of the repository, found from the working directory or one of its parents. */
  public static Path repoFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code command}, failing the test if it does not exit 0; returns its output. */
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
