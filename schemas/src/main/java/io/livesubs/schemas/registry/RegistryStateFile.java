package io.livesubs.schemas.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The JSON file in which the development registry keeps its state between restarts. Writes go to a
 * temporary file in the same directory that is then renamed over the old one, so a crash leaves
 * either the old or the new state, never half a file. Not thread-safe: {@link RegistryStore}
 * serializes access.
 */
final class RegistryStateFile {

  /** File name inside the data directory. */
  static final String FILE_NAME = "schema-registry.json";

  /** A schema and its global id. */
  record StoredSchema(int id, String schema) {}

  /** Everything the registry knows. */
  record State(
      int nextId,
      String globalLevel,
      List<StoredSchema> schemas,
      Map<String, List<Integer>> subjects,
      Map<String, String> subjectLevels) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path path;

  /** The state file in {@code dataDir}, which is created if missing. */
  RegistryStateFile(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    this.path = dataDir.resolve(FILE_NAME);
  }

  /** The stored state, or null when nothing was stored yet. */
  State read() throws IOException {
    if (!Files.exists(path)) {
      return null;
    }
    try {
      return JSON.readValue(path.toFile(), State.class);
    } catch (IOException e) {
      throw new IOException("schema registry state file " + path + " is unreadable: " + e, e);
    }
  }

  /** Replaces the stored state atomically. */
  void write(State state) throws IOException {
    Path tmp = path.resolveSibling(FILE_NAME + ".tmp");
    JSON.writeValue(tmp.toFile(), state);
    try {
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
