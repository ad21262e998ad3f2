package io.livesubs.inference.mt.marian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.models.ModelLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test assets of the Marian engine: the real opus-mt-en-mg tokenizer in the shared data directory,
 * Debian's Python (with {@code sentencepiece} or {@code onnx}), and the random-weight stand-in
 * model written by {@code scripts/models/marian_standin.py} into {@code target/standin/} once per
 * build (reused while its marker says it came from the same script and arguments).
 *
 * <p>Missing assets skip the test with a message; a missing Python module fails it in CI
 * (environment variable {@code CI} set), where {@code scripts/install-prereqs.sh} installs it.
 * Thread-safe.
 */
public final class MarianTestFiles {
  /** The small stand-in: real vocabulary and names, d_model 64, 2+2 layers. */
  public static final String SMALL = "marian-small";

  private static final String MARKER = ".complete";

  private MarianTestFiles() {}

  /** The shared data directory ({@code livesubs.shared.dir}, else {@code ../shared}). */
  public static Path sharedDir() {
    String prop = System.getProperty(ModelLocator.SHARED_DIR_PROPERTY);
    return prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "shared");
  }

  /** The real opus-mt-en-mg tokenizer folder; skips the test when absent. */
  public static Path tokenizerDir() {
    Path dir = sharedDir().resolve("models/marian-tokenizer/opus-mt-en-mg");
    assumeTrue(
        Files.isRegularFile(dir.resolve("source.spm")),
        "Marian tokenizer not found at " + dir.toAbsolutePath() + ": test skipped");
    return dir;
  }

  /** A file below {@code eval/} of the shared data directory; skips when absent. */
  public static Path evalFile(String relative) {
    Path file = sharedDir().resolve("eval").resolve(relative);
    assumeTrue(Files.isRegularFile(file), "Evaluation file missing: " + file + ": test skipped");
    return file;
  }

  /**
   * Debian's {@code /usr/bin/python3} when it exists, else {@code python3}, provided it can import
   * {@code module}; otherwise skips the test (fails it in CI).
   */
  public static String python(String module) {
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    String problem;
    try {
      Result r = run(List.of(python, "-c", "import " + module), 60);
      if (r.exitCode() == 0) {
        return python;
      }
      problem = r.output().strip();
    } catch (IOException e) {
      problem = e.getMessage();
    }
    String message =
        python
            + " cannot import "
            + module
            + " (apt-get install python3-"
            + module
            + ", or scripts/install-prereqs.sh): "
            + problem;
    if (System.getenv("CI") != null) {
      fail(message);
    }
    assumeTrue(false, message + ": test skipped");
    throw new AssertionError("unreachable");
  }

  /**
   * The stand-in model {@code name} ({@link #SMALL}: {@code --small}), generated into {@code
   * target/standin/name} unless a complete one from the same script and arguments is there.
   */
  public static synchronized Path standIn(String name, String... scriptArgs) {
    Path script = script("scripts/models/marian_standin.py");
    Path dir = Path.of("target", "standin", name).toAbsolutePath();
    try {
      List<String> args = new ArrayList<>(List.of("--out", dir.toString()));
      args.addAll(List.of(scriptArgs));
      args.addAll(List.of("--tokenizer-dir", tokenizerDir().toString()));
      // The script writes this marker last: the arguments, then its own SHA-256.
      String expected = String.join(" ", args) + "\n" + sha256(script) + "\n";
      Path marker = dir.resolve(MARKER);
      if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
        return dir;
      }
      List<String> command = new ArrayList<>(List.of(python("onnx"), script.toString()));
      command.addAll(args);
      runChecked(command, 600);
      assertEquals(expected, Files.readString(marker), "marker written by " + script);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the repository, found from the working directory or one of its parents. */
  public static Path script(String relative) {
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
    Result r = run(command, timeoutSeconds);
    assertEquals(0, r.exitCode(), () -> command + " failed:\n" + r.output());
    return r.output();
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

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Result(int exitCode, String output) {}
}
