package io.livesubs.inference.asr.whisper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.testsupport.ReferenceCommands;
import io.livesubs.inference.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the Whisper assets in the shared data directory and the project's Python reference
 * scripts ({@link ReferenceCommands} runs them). Tests are skipped with a message when an asset is
 * absent.
 */
public final class WhisperTestFiles {
  private WhisperTestFiles() {}

  /** {@code models/whisper-tokenizer} in the shared data directory; skips when absent. */
  public static Path tokenizerDir() {
    Path dir = TestData.sharedDir().resolve("models").resolve("whisper-tokenizer");
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
    return ReferenceCommands.repoFile("scripts/whisper/" + name);
  }
}
