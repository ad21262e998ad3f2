package io.livesubs.app.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the shaded job jar ({@code livesubs-flink-jobs-<version>-job.jar}) of a source checkout,
 * which {@code livesubs job --jobmanager} ships to a remote cluster when no {@code --job-jar} is
 * given. The checkout is named by the system property {@value #REPO_DIR_PROPERTY}, which the {@code
 * ./livesubs} launcher sets. Stateless and thread-safe.
 */
public final class JobJars {

  /** System property naming the source checkout. */
  public static final String REPO_DIR_PROPERTY = "livesubs.repo.dir";

  private static final String SUFFIX = "-job.jar";
  private static final String PREFIX = "livesubs-flink-jobs-";

  private JobJars() {}

  /** The job jar under {@code <repo>/flink-jobs/target}, if the checkout has exactly one. */
  public static Optional<Path> inCheckout() {
    String repo = System.getProperty(REPO_DIR_PROPERTY);
    if (repo == null || repo.isBlank()) {
      return Optional.empty();
    }
    return inDirectory(Path.of(repo, "flink-jobs", "target"));
  }

  /** The single {@code livesubs-flink-jobs-*-job.jar} in {@code dir}, if there is exactly one. */
  static Optional<Path> inDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> jars =
          files
              .filter(
                  f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
                  })
              .toList();
      return jars.size() == 1 ? Optional.of(jars.get(0)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
