package io.livesubs.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Size and SHA-256 of a file, and whether they match a {@link ManifestFile}. Immutable.
 *
 * @param size bytes
 * @param sha256 lower-case hex
 */
public record FileDigest(long size, String sha256) {
  private static final int BUFFER = 1 << 16;

  /** Reads {@code file} once. */
  public static FileDigest of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    long size = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        size += n;
      }
    }
    return new FileDigest(size, HexFormat.of().formatHex(digest.digest()));
  }

  /** What differs from {@code expected} (size first), or empty if nothing the manifest pins. */
  public Optional<String> mismatch(ManifestFile expected) {
    if (expected.size() != null && expected.size() != size) {
      return Optional.of("size " + size + " bytes, expected " + expected.size());
    }
    if (expected.sha256() != null && !expected.sha256().equals(sha256)) {
      return Optional.of("SHA-256 " + sha256 + ", expected " + expected.sha256());
    }
    return Optional.empty();
  }
}
