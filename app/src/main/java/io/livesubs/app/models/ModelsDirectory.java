package io.livesubs.app.models;

import io.livesubs.inference.models.ModelLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the {@code models} commands put and look for models by default: the roots {@link
 * ModelLocator} searches (system property {@code livesubs.models.dir}, environment variable {@code
 * LIVESUBS_MODELS_DIR}, then {@code inference-udf/target/models} from the working directory up), so
 * a pulled model is where the engines look. Stateless.
 */
public final class ModelsDirectory {
  private ModelsDirectory() {}

  /** The directory {@code pull} writes to without {@code --dir}: the first search root. */
  public static Path defaultTarget() {
    return ModelLocator.fromEnvironment().modelRoots().get(0);
  }

  /** The search roots that exist, for {@code list} without {@code --dir}. */
  public static List<Path> existingRoots() {
    return ModelLocator.fromEnvironment().modelRoots().stream().filter(Files::isDirectory).toList();
  }
}
