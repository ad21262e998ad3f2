package io.livesubs.inference.mt.marian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.testsupport.ReferenceCommands;
import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

  /** The real opus-mt-en-mg tokenizer folder; skips the test when absent. */
  public static Path tokenizerDir() {
    Path dir = TestData.sharedDir().resolve("models/marian-tokenizer/opus-mt-en-mg");
    assumeTrue(
        Files.isRegularFile(dir.resolve("source.spm")),
        "Marian tokenizer not found at " + dir.toAbsolutePath() + ": test skipped");
    return dir;
  }

  /**
   * The stand-in model {@code name} ({@link #SMALL}: {@code --small}), generated into {@code
   * target/standin/name} unless a complete one from the same script and arguments is there.
   */
  public static synchronized Path standIn(String name, String... scriptArgs) {
    Path script = ReferenceCommands.repoFile("scripts/models/marian_standin.py");
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
      List<String> command =
          new ArrayList<>(List.of(ReferenceCommands.python("onnx"), script.toString()));
      command.addAll(args);
      ReferenceCommands.runChecked(command, 600);
      assertEquals(expected, Files.readString(marker), "marker written by " + script);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
}
