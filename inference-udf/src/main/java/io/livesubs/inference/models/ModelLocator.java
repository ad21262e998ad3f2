package io.livesubs.inference.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that resolves where model files live.
 *
 * <p>Search order for a model (first hit wins):
 *
 * <ol>
 *   <li>an explicit path given by the caller (a CLI option, a job parameter): used as is, never
 *       replaced by a fallback, so a typo is an error rather than a silent substitution;
 *   <li>the directory in the system property {@value #MODELS_DIR_PROPERTY};
 *   <li>the directory in the environment variable {@value #MODELS_DIR_ENV};
 *   <li>{@code inference-udf/target/models} (where the build provisions models), found relative to
 *       the working directory or any of its parents (the repository root);
 *   <li>Silero VAD only: {@code models/silero-vad} in the shared data directory (system property
 *       {@value #SHARED_DIR_PROPERTY}, else {@code ../shared} next to the repository root).
 * </ol>
 *
 * <p>Instances are immutable and thread-safe; they capture the property, environment and working
 * directory at creation.
 */
public final class ModelLocator {
  /** System property naming a models directory. */
  public static final String MODELS_DIR_PROPERTY = "livesubs.models.dir";

  /** Environment variable naming a models directory. */
  public static final String MODELS_DIR_ENV = "LIVESUBS_MODELS_DIR";

  /** System property naming the shared data directory ({@code ../shared}). */
  public static final String SHARED_DIR_PROPERTY = "livesubs.shared.dir";

  /** Directory name of the Vosk small en-us model provisioned by the build. */
  public static final String VOSK_EN_US = "vosk-model-en-us";

  /** Directory holding the Silero VAD models, below a models root. */
  public static final String SILERO_DIR = "silero-vad";

  /** File name of the Silero VAD v5 model. */
  public static final String SILERO_V5 = "silero_vad_v5.onnx";

  private static final String MODULE_DIR = "inference-udf";

  private final String modelsDirProperty;
  private final String modelsDirEnv;
  private final String sharedDirProperty;
  private final Path workingDir;

  /**
   * @param modelsDirProperty value of {@value #MODELS_DIR_PROPERTY}, or null
   * @param modelsDirEnv value of {@value #MODELS_DIR_ENV}, or null
   * @param sharedDirProperty value of {@value #SHARED_DIR_PROPERTY}, or null
   * @param workingDir the directory relative paths are resolved against
   */
  public ModelLocator(
      String modelsDirProperty, String modelsDirEnv, String sharedDirProperty, Path workingDir) {
    this.modelsDirProperty = blankToNull(modelsDirProperty);
    this.modelsDirEnv = blankToNull(modelsDirEnv);
    this.sharedDirProperty = blankToNull(sharedDirProperty);
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir").toAbsolutePath().normalize();
  }

  /** A locator reading the current system properties, environment and working directory. */
  public static ModelLocator fromEnvironment() {
    return new ModelLocator(
        System.getProperty(MODELS_DIR_PROPERTY),
        System.getenv(MODELS_DIR_ENV),
        System.getProperty(SHARED_DIR_PROPERTY),
        Path.of(""));
  }

  /**
   * Candidate model roots in search order (whether or not they exist): property, environment, then
   * {@code inference-udf/target/models} relative to the working directory and its parents.
   */
  public List<Path> modelRoots() {
    Set<Path> roots = new LinkedHashSet<>();
    if (modelsDirProperty != null) {
      roots.add(absolute(modelsDirProperty));
    }
    if (modelsDirEnv != null) {
      roots.add(absolute(modelsDirEnv));
    }
    for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
      if (dir.getFileName() != null && dir.getFileName().toString().equals(MODULE_DIR)) {
        roots.add(dir.resolve("target/models"));
      }
      roots.add(dir.resolve(MODULE_DIR).resolve("target/models"));
    }
    return List.copyOf(roots);
  }

  /**
   * Resolves the Vosk model directory {@value #VOSK_EN_US}.
   *
   * @param explicit a directory given by the caller, or null to search
   * @throws ModelNotFoundException if no candidate holds a Vosk model ({@code am/final.mdl})
   */
  public Path voskModel(Path explicit) {
    return voskModel(VOSK_EN_US, explicit);
  }

  /**
   * Resolves a Vosk model directory by name below the model roots.
   *
   * @param name directory name below a models root, e.g. {@value #VOSK_EN_US}
   * @param explicit a directory given by the caller, or null to search
   * @throws ModelNotFoundException if no candidate holds a Vosk model ({@code am/final.mdl})
   */
  public Path voskModel(String name, Path explicit) {
    Predicate<Path> isVosk = p -> Files.isRegularFile(p.resolve("am/final.mdl"));
    return resolve(
        "Vosk model '" + name + "'",
        name,
        explicit,
        isVosk,
        List.of(),
        "Build the inference-udf module (it unpacks com.alphacephei:vosk-model-en) or point "
            + MODELS_DIR_PROPERTY
            + " / "
            + MODELS_DIR_ENV
            + " at a directory containing '"
            + name
            + "'.");
  }

  /**
   * Resolves the Silero VAD v5 model file.
   *
   * @param explicit a model file given by the caller, or null to search
   * @throws ModelNotFoundException if no candidate file exists
   */
  public Path sileroVad(Path explicit) {
    String relative = SILERO_DIR + "/" + SILERO_V5;
    return resolve(
        "Silero VAD model '" + SILERO_V5 + "'",
        relative,
        explicit,
        Files::isRegularFile,
        sharedSileroCandidates(),
        "Build the inference-udf module (it copies the model from ../shared or runs `npm pack"
            + " @ricky0123/vad-web@0.0.31`) or point "
            + MODELS_DIR_PROPERTY
            + " / "
            + MODELS_DIR_ENV
            + " at a directory containing '"
            + relative
            + "'.");
  }

  /**
   * Generic resolution: the explicit path if given (must satisfy {@code valid}), else the first
   * model root whose {@code relative} child satisfies {@code valid}, else the first extra candidate
   * that does.
   *
   * @throws ModelNotFoundException listing every candidate checked
   */
  public Path resolve(
      String what,
      String relative,
      Path explicit,
      Predicate<Path> valid,
      List<Path> extraCandidates,
      String hint) {
    List<Path> candidates = new ArrayList<>();
    if (explicit != null) {
      candidates.add(workingDir.resolve(explicit).normalize());
    } else {
      for (Path root : modelRoots()) {
        candidates.add(root.resolve(relative).normalize());
      }
      candidates.addAll(extraCandidates);
    }
    for (Path candidate : candidates) {
      if (valid.test(candidate)) {
        return candidate;
      }
    }
    throw new ModelNotFoundException(what, candidates, hint);
  }

  private List<Path> sharedSileroCandidates() {
    Set<Path> sharedDirs = new LinkedHashSet<>();
    if (sharedDirProperty != null) {
      sharedDirs.add(absolute(sharedDirProperty));
    }
    for (Path dir = workingDir; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(MODULE_DIR)) && dir.getParent() != null) {
        sharedDirs.add(dir.getParent().resolve("shared"));
      }
    }
    List<Path> out = new ArrayList<>();
    for (Path shared : sharedDirs) {
      out.add(shared.resolve("models").resolve(SILERO_DIR).resolve(SILERO_V5));
    }
    return out;
  }

  private Path absolute(String path) {
    return workingDir.resolve(path).normalize();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
