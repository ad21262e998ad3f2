package io.livesubs.inference.asr.whisper.model;

import io.livesubs.inference.models.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated Whisper model folder in the optimum / onnx-community layout: {@code config.json} at
 * the top, the ONNX files ({@code encoder_model.onnx} and a {@link DecoderLayout decoder}) either
 * next to it (optimum) or in an {@code onnx/} subfolder (onnx-community). Optional files: {@code
 * generation_config.json}, the tokenizer ranks ({@code multilingual.tiktoken} or {@code
 * gpt2.tiktoken}) and {@code mel_filters.npz}.
 *
 * <p>Immutable and thread-safe. It only checks that the files exist; loading them is {@link
 * OnnxWhisperModel}'s job.
 */
public final class WhisperModelFolder {
  /** The architecture file (Hugging Face keys). */
  public static final String CONFIG = "config.json";

  /** Generation settings (language and task tokens, suppressed tokens). */
  public static final String GENERATION_CONFIG = "generation_config.json";

  /** The encoder. */
  public static final String ENCODER = "encoder_model.onnx";

  /** Subfolder that onnx-community exports keep their ONNX files in. */
  public static final String ONNX_SUBFOLDER = "onnx";

  /** Tokenizer ranks of multilingual models. */
  public static final String MULTILINGUAL_TIKTOKEN = "multilingual.tiktoken";

  /** Tokenizer ranks of English-only models. */
  public static final String GPT2_TIKTOKEN = "gpt2.tiktoken";

  /** Whisper's mel filter banks (80 and 128 bins). */
  public static final String MEL_FILTERS = "mel_filters.npz";

  private final Path dir;
  private final Path onnxDir;
  private final DecoderLayout layout;

  private WhisperModelFolder(Path dir, Path onnxDir, DecoderLayout layout) {
    this.dir = dir;
    this.onnxDir = onnxDir;
    this.layout = layout;
  }

  /**
   * Validates {@code dir}, taking the merged decoder when both layouts are present.
   *
   * @throws ModelLoadException naming the folder and the missing file
   */
  public static WhisperModelFolder open(Path dir) {
    return open(dir, null);
  }

  /**
   * Validates {@code dir}.
   *
   * @param preferred the layout to use, or null for merged when present, else split
   * @throws ModelLoadException naming the folder and the missing file (or the missing layout)
   */
  public static WhisperModelFolder open(Path dir, DecoderLayout preferred) {
    Objects.requireNonNull(dir, "dir");
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ModelLoadException("Whisper model folder does not exist: " + abs);
    }
    if (!Files.isRegularFile(abs.resolve(CONFIG))) {
      throw new ModelLoadException("Whisper model folder " + abs + " lacks " + CONFIG);
    }
    Path onnxDir = findOnnxDir(abs);
    DecoderLayout layout = preferred != null ? preferred : detectLayout(abs, onnxDir);
    for (String file : layout.files()) {
      if (!Files.isRegularFile(onnxDir.resolve(file))) {
        throw new ModelLoadException(
            "Whisper model folder " + abs + " lacks " + file + " (" + layout + " decoder layout)");
      }
    }
    return new WhisperModelFolder(abs, onnxDir, layout);
  }

  private static Path findOnnxDir(Path dir) {
    List<Path> candidates = List.of(dir, dir.resolve(ONNX_SUBFOLDER));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate.resolve(ENCODER))) {
        return candidate;
      }
    }
    throw new ModelLoadException(
        "Whisper model folder " + dir + " lacks " + ENCODER + " (looked in " + candidates + ")");
  }

  private static DecoderLayout detectLayout(Path dir, Path onnxDir) {
    List<String> missing = new ArrayList<>();
    for (DecoderLayout layout : DecoderLayout.values()) {
      List<String> absent =
          layout.files().stream().filter(f -> !Files.isRegularFile(onnxDir.resolve(f))).toList();
      if (absent.isEmpty()) {
        return layout;
      }
      missing.add(layout + " needs " + String.join(" + ", layout.files()));
    }
    throw new ModelLoadException(
        "Whisper model folder "
            + dir
            + " has no decoder in "
            + onnxDir
            + ": "
            + String.join("; ", missing));
  }

  /** The folder (absolute). */
  public Path dir() {
    return dir;
  }

  /** The folder holding the ONNX files: {@link #dir()} or its {@code onnx/} subfolder. */
  public Path onnxDir() {
    return onnxDir;
  }

  /** The decoder layout in use. */
  public DecoderLayout layout() {
    return layout;
  }

  /** {@code config.json}. */
  public Path configFile() {
    return dir.resolve(CONFIG);
  }

  /** {@code generation_config.json}, if present. */
  public Optional<Path> generationConfigFile() {
    return existing(dir.resolve(GENERATION_CONFIG));
  }

  /** {@code encoder_model.onnx}. */
  public Path encoderFile() {
    return onnxDir.resolve(ENCODER);
  }

  /** The merged decoder, or the first-step decoder of the split layout. */
  public Path decoderFile() {
    return onnxDir.resolve(layout.files().get(0));
  }

  /** {@code decoder_with_past_model.onnx} for the split layout; empty for merged. */
  public Optional<Path> decoderWithPastFile() {
    return layout == DecoderLayout.SPLIT
        ? Optional.of(onnxDir.resolve(layout.files().get(1)))
        : Optional.empty();
  }

  /**
   * The tokenizer ranks in the folder ({@code multilingual.tiktoken} for multilingual models,
   * {@code gpt2.tiktoken} for English-only ones), if present.
   */
  public Optional<Path> tiktokenFile(boolean multilingual) {
    return existing(dir.resolve(multilingual ? MULTILINGUAL_TIKTOKEN : GPT2_TIKTOKEN));
  }

  /** {@code mel_filters.npz}, if present. */
  public Optional<Path> melFiltersFile() {
    return existing(dir.resolve(MEL_FILTERS));
  }

  private static Optional<Path> existing(Path file) {
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public String toString() {
    return dir + " (" + layout.name().toLowerCase(java.util.Locale.ROOT) + " decoder)";
  }
}
