package io.livesubs.inference.asr.whisper;

import io.livesubs.inference.asr.whisper.features.MelFilterBank;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.models.ModelLocator;
import io.livesubs.inference.models.ModelNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tokenizer and mel filter bank that go with a Whisper model. Each file is taken from the first
 * folder that has it: an explicit assets folder when given (then nothing else is searched), else
 * the model folder, then {@code models/whisper-tokenizer} in the shared data directory (system
 * property {@value ModelLocator#SHARED_DIR_PROPERTY}, then {@code shared} next to the repository
 * found from the working directory). Immutable and thread-safe.
 *
 * @param tokenizer multilingual or English-only, as the model is
 * @param melFilters the model's number of mel bins
 */
public record WhisperAssets(WhisperTokenizer tokenizer, MelFilterBank melFilters) {
  private static final String SHARED_SUBDIR = "models/whisper-tokenizer";
  private static final String MEL_FILTERS = "mel_filters.npz";

  /**
   * Finds and loads the assets for {@code model}.
   *
   * @param explicitDir a folder given by the user, or null to search
   * @param modelDir the model folder, or null
   * @throws ModelNotFoundException listing the folders searched when a file is found nowhere
   * @throws ModelLoadException if a file is found but cannot be read
   */
  public static WhisperAssets load(WhisperModelConfig model, Path explicitDir, Path modelDir) {
    List<Path> dirs = candidates(explicitDir, modelDir);
    String ranks = model.multilingual() ? "multilingual.tiktoken" : "gpt2.tiktoken";
    Path ranksFile = find(dirs, ranks);
    Path melFile = find(dirs, MEL_FILTERS);
    try {
      WhisperTokenizer tokenizer =
          model.multilingual()
              ? WhisperTokenizer.multilingual(ranksFile, model.numLanguages())
              : WhisperTokenizer.englishOnly(ranksFile);
      return new WhisperAssets(tokenizer, MelFilterBank.load(melFile, model.melBins()));
    } catch (IOException e) {
      throw new ModelLoadException(
          "Cannot load Whisper tokenizer " + ranksFile + " or mel filters " + melFile, e);
    }
  }

  private static Path find(List<Path> dirs, String file) {
    for (Path dir : dirs) {
      if (Files.isRegularFile(dir.resolve(file))) {
        return dir.resolve(file);
      }
    }
    throw new ModelNotFoundException(
        "Whisper asset '" + file + "'",
        dirs.stream().map(d -> d.resolve(file)).toList(),
        "Put it in the model folder, or set -D"
            + ModelLocator.SHARED_DIR_PROPERTY
            + " to the shared data directory holding "
            + SHARED_SUBDIR
            + ".");
  }

  private static List<Path> candidates(Path explicitDir, Path modelDir) {
    if (explicitDir != null) {
      return List.of(explicitDir.toAbsolutePath().normalize());
    }
    Set<Path> dirs = new LinkedHashSet<>();
    if (modelDir != null) {
      dirs.add(modelDir.toAbsolutePath().normalize());
    }
    String shared = System.getProperty(ModelLocator.SHARED_DIR_PROPERTY);
    if (shared != null && !shared.isBlank()) {
      dirs.add(Path.of(shared.trim()).resolve(SHARED_SUBDIR).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("inference-udf")) && dir.getParent() != null) {
        dirs.add(dir.getParent().resolve("shared").resolve(SHARED_SUBDIR));
      }
    }
    return new ArrayList<>(dirs);
  }
}
