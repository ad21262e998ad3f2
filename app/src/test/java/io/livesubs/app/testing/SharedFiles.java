package io.livesubs.app.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared evaluation data: the system property {@code livesubs.shared.dir} (set by surefire),
 * else {@code ../shared} next to the module or the repository. Tests needing a file that is not
 * there are skipped with a message.
 */
public final class SharedFiles {

  private SharedFiles() {}

  /** The shared directory (it may not exist). */
  public static Path dir() {
    String property = System.getProperty("livesubs.shared.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    Path besideModule = Path.of("..", "shared");
    return Files.isDirectory(besideModule) ? besideModule : Path.of("..", "..", "shared");
  }

  /** A file below the shared directory; skips the calling test when it is missing. */
  public static Path require(String relative) {
    Path file = dir().resolve(relative);
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "shared data " + file + " is missing (set -Dlivesubs.shared.dir); skipping");
    return file;
  }
}
