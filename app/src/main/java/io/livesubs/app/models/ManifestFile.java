package io.livesubs.app.models;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One file of a downloadable model: where it goes in the model folder, where it comes from, and
 * what it must be. Immutable.
 *
 * @param path destination relative to the model folder, e.g. {@code onnx/encoder_model.onnx}
 * @param source the name of a {@link ModelManifest#sources() source} (a base URL)
 * @param remote the file's path below that base URL
 * @param size expected size in bytes, or null if the manifest does not know it
 * @param sha256 expected SHA-256 (64 lower-case hex digits), or null if the manifest does not know
 *     it (the file is then accepted unverified and its digest is printed)
 */
public record ManifestFile(String path, String source, String remote, Long size, String sha256) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Validates the components; the message names the file and the problem. */
  public ManifestFile {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a manifest file has no path");
    }
    Path p = Path.of(path).normalize();
    if (p.isAbsolute() || p.startsWith("..") || !p.toString().equals(path)) {
      throw new IllegalArgumentException(
          "manifest path '" + path + "' must be a plain relative path inside the model folder");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("manifest file " + path + " has no source");
    }
    if (remote == null || remote.isBlank() || remote.startsWith("/") || remote.contains("://")) {
      throw new IllegalArgumentException(
          "manifest file " + path + ": remote must be a path below its source URL, was " + remote);
    }
    if (size != null && size < 0) {
      throw new IllegalArgumentException("manifest file " + path + ": negative size " + size);
    }
    if (sha256 != null) {
      sha256 = sha256.toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException(
            "manifest file " + path + ": sha256 must be 64 hex digits, was " + sha256);
      }
    }
  }

  /** Whether the manifest pins the content (a SHA-256). */
  public boolean verifiable() {
    return sha256 != null;
  }
}
