package io.livesubs.app.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code livesubs models pull} can download: named base URLs ({@code sources}) and, per model
 * name, its files. A manifest is data: the built-in one is {@link WhisperExports#MANIFEST}, and
 * {@link #read(Path)} loads one from JSON of the same shape (to pin checksums, or to add models):
 *
 * <pre>{@code
 * {"sources": {"huggingface": "https://huggingface.co/"},
 *  "models": {"whisper-base": [{"path": "onnx/encoder_model.onnx", "source": "huggingface",
 *     "remote": "onnx-community/whisper-base/resolve/main/onnx/encoder_model.onnx",
 *     "size": 82000000, "sha256": "..."}]}}
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param sources source name to base URL (absolute http or https, ending in {@code /})
 * @param models model name to its files
 */
public record ModelManifest(Map<String, String> sources, Map<String, List<ManifestFile>> models) {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Validates the manifest; the message names the bad entry. */
  public ModelManifest {
    Objects.requireNonNull(sources, "manifest has no sources");
    Objects.requireNonNull(models, "manifest has no models");
    sources = Map.copyOf(sources);
    sources.forEach(ModelManifest::checkBaseUrl);
    TreeMap<String, List<ManifestFile>> copy = new TreeMap<>();
    for (Map.Entry<String, List<ManifestFile>> model : models.entrySet()) {
      List<ManifestFile> files = model.getValue();
      if (files == null || files.isEmpty()) {
        throw new IllegalArgumentException("model " + model.getKey() + " lists no files");
      }
      for (ManifestFile f : files) {
        if (!sources.containsKey(f.source())) {
          throw new IllegalArgumentException(
              "model " + model.getKey() + ": " + f.path() + " names unknown source " + f.source());
        }
      }
      copy.put(model.getKey(), List.copyOf(files));
    }
    models = java.util.Collections.unmodifiableMap(copy);
  }

  private static void checkBaseUrl(String name, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source " + name + ": bad URL " + url, e);
    }
    boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    if (!http || uri.getHost() == null || !url.endsWith("/")) {
      throw new IllegalArgumentException(
          "source " + name + " must be an http(s) URL ending in '/', was " + url);
    }
  }

  /**
   * Reads a manifest from JSON.
   *
   * @throws IOException naming the file and what is wrong with it
   */
  public static ModelManifest read(Path file) throws IOException {
    try {
      ModelManifest manifest = JSON.readValue(file.toFile(), ModelManifest.class);
      if (manifest == null) {
        throw new IOException("manifest " + file + " is empty");
      }
      return manifest;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      String detail =
          cause instanceof com.fasterxml.jackson.core.JacksonException je
              ? je.getOriginalMessage()
              : cause.getMessage();
      throw new IOException("manifest " + file + " is not valid: " + detail, e);
    }
  }

  /**
   * The files of {@code model}.
   *
   * @throws IllegalArgumentException naming the known models if {@code model} is not one
   */
  public List<ManifestFile> files(String model) {
    List<ManifestFile> files = models.get(model);
    if (files == null) {
      throw new IllegalArgumentException(
          "unknown model '" + model + "' (known: " + String.join(", ", models.keySet()) + ")");
    }
    return files;
  }

  /**
   * Where to fetch {@code file}: its source's base URL, or {@code mirror} for every source, joined
   * with the file's remote path.
   */
  public URI url(ManifestFile file, URI mirror) {
    String base = mirror != null ? mirror.toString() : sources.get(file.source());
    return URI.create(base.endsWith("/") ? base + file.remote() : base + "/" + file.remote());
  }
}
