package io.livesubs.app.models;

import io.livesubs.inference.asr.whisper.model.WhisperConfigJson;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import io.livesubs.inference.asr.whisper.model.WhisperModelFolder;
import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What is installed in a models directory: each subfolder, recognised as a Whisper model (checked
 * with {@link WhisperModelFolder} and its config.json), an incomplete Whisper model (with the
 * reason), or another model. Stateless.
 */
public final class InstalledModels {
  /**
   * One subfolder.
   *
   * @param name folder name
   * @param kind {@code whisper}, {@code whisper-incomplete} or {@code other}
   * @param detail architecture and layout, the problem, or the size
   */
  public record Entry(String name, String kind, String detail) {}

  private InstalledModels() {}

  /**
   * The subfolders of {@code root}, by name.
   *
   * @throws IOException if {@code root} cannot be listed
   */
  public static List<Entry> scan(Path root) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
        entries.add(describe(dir));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return entries;
  }

  private static Entry describe(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    long partials = count(dir, ".part");
    String pending = partials > 0 ? ", " + partials + " unfinished download(s)" : "";
    boolean looksWhisper =
        Files.exists(dir.resolve(WhisperModelFolder.CONFIG))
            || Files.exists(dir.resolve(WhisperModelFolder.ENCODER))
            || Files.isDirectory(dir.resolve(WhisperModelFolder.ONNX_SUBFOLDER));
    if (!looksWhisper) {
      return new Entry(name, "other", megabytes(dir) + pending);
    }
    try {
      WhisperModelFolder folder = WhisperModelFolder.open(dir);
      WhisperModelConfig c = WhisperConfigJson.read(folder.configFile(), name);
      String detail =
          String.format(
              Locale.ROOT,
              "%s: d_model %d, %d+%d layers, %d heads, %d mel bins, %s decoder, %s%s%s",
              c.name(),
              c.modelDim(),
              c.encoderLayers(),
              c.decoderLayers(),
              c.heads(),
              c.melBins(),
              folder.layout().name().toLowerCase(Locale.ROOT),
              megabytes(dir),
              folder.tiktokenFile(c.multilingual()).isEmpty() ? ", no tokenizer file" : "",
              pending);
      return new Entry(name, "whisper", detail);
    } catch (ModelLoadException e) {
      return new Entry(name, "whisper-incomplete", e.getMessage() + pending);
    }
  }

  private static long count(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }
  }

  private static String megabytes(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      long bytes =
          walk.filter(Files::isRegularFile)
              .mapToLong(
                  p -> {
                    try {
                      return Files.size(p);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .sum();
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
