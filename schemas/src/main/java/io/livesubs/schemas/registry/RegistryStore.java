package io.livesubs.schemas.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The state of the development registry: schemas by global id, the versions of each subject and the
 * compatibility levels. Ids are global and stable: a schema (compared by its canonical JSON) gets
 * one id, whichever subjects it is registered under. All methods are synchronized, so the store is
 * safe to share between the HTTP worker threads; when a {@link RegistryStateFile} is given, every
 * change is written through to it before the method returns.
 */
final class RegistryStore {

  /** One version of a subject. */
  record Version(String subject, int version, int id, String schema) {}

  private final RegistryStateFile file;
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, List<Integer>> subjectVersions = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new TreeMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int nextId = 1;

  /** A store that persists to {@code file}, or keeps state in memory only when it is null. */
  RegistryStore(RegistryStateFile file) {
    this.file = file;
  }

  /** Replaces the in-memory state with what the state file holds, if there is one. */
  synchronized void load() throws IOException {
    if (file == null) {
      return;
    }
    RegistryStateFile.State state = file.read();
    if (state == null) {
      return;
    }
    schemasById.clear();
    idsByCanonical.clear();
    for (RegistryStateFile.StoredSchema stored : state.schemas()) {
      Schema schema = new Schema.Parser().parse(stored.schema());
      schemasById.put(stored.id(), schema);
      idsByCanonical.put(schema.toString(), stored.id());
    }
    subjectVersions.clear();
    state.subjects().forEach((subject, ids) -> subjectVersions.put(subject, new ArrayList<>(ids)));
    subjectLevels.clear();
    state
        .subjectLevels()
        .forEach((s, level) -> subjectLevels.put(s, CompatibilityLevel.parse(level)));
    globalLevel = CompatibilityLevel.parse(state.globalLevel());
    nextId = state.nextId();
  }

  /** Registers {@code schema} under {@code subject}, or returns its id if it is already there. */
  synchronized int register(String subject, Schema schema) throws SchemaRegistryException {
    String canonical = schema.toString();
    Integer known = idsByCanonical.get(canonical);
    List<Integer> versions = subjectVersions.getOrDefault(subject, List.of());
    if (known != null && versions.contains(known)) {
      return known;
    }
    List<String> problems = levelFor(subject).incompatibilities(schema, schemasOf(versions));
    if (!problems.isEmpty()) {
      throw new SchemaRegistryException(
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\" under "
              + levelFor(subject)
              + ", details: "
              + problems,
          409,
          SchemaRegistryException.INCOMPATIBLE_SCHEMA);
    }
    int id = known != null ? known : nextId++;
    if (known == null) {
      schemasById.put(id, schema);
      idsByCanonical.put(canonical, id);
    }
    subjectVersions.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    persist();
    return id;
  }

  /** Returns the version of {@code subject} that holds {@code schema}. */
  synchronized Version lookup(String subject, Schema schema) throws SchemaRegistryException {
    List<Integer> versions = versionsOf(subject);
    Integer id = idsByCanonical.get(schema.toString());
    int index = id == null ? -1 : versions.indexOf(id);
    if (index < 0) {
      throw new SchemaRegistryException(
          "Schema not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return new Version(subject, index + 1, id, schemasById.get(id).toString());
  }

  /** All subjects, sorted. */
  synchronized List<String> subjects() {
    return List.copyOf(subjectVersions.keySet());
  }

  /** The version numbers of {@code subject}: 1..n. */
  synchronized List<Integer> versions(String subject) throws SchemaRegistryException {
    int count = versionsOf(subject).size();
    List<Integer> numbers = new ArrayList<>(count);
    for (int v = 1; v <= count; v++) {
      numbers.add(v);
    }
    return numbers;
  }

  /** The version of {@code subject} named by {@code spec}: a number, {@code latest} or -1. */
  synchronized Version version(String subject, String spec) throws SchemaRegistryException {
    List<Integer> versions = versionsOf(subject);
    int number = parseVersion(spec, versions.size());
    if (number < 1 || number > versions.size()) {
      throw new SchemaRegistryException(
          "Version " + spec + " not found.", 404, SchemaRegistryException.VERSION_NOT_FOUND);
    }
    int id = versions.get(number - 1);
    return new Version(subject, number, id, schemasById.get(id).toString());
  }

  /** The canonical JSON of the schema with global id {@code id}. */
  synchronized String schemaById(int id) throws SchemaRegistryException {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(
          "Schema " + id + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema.toString();
  }

  /**
   * Why {@code schema} may not follow version {@code spec} of {@code subject}. For {@code latest}
   * the subject's level decides which versions are checked (a missing subject accepts anything);
   * for a numbered version only that version is checked.
   */
  synchronized List<String> compatibilityProblems(String subject, String spec, Schema schema)
      throws SchemaRegistryException {
    CompatibilityLevel level = levelFor(subject);
    List<Integer> versions = subjectVersions.get(subject);
    if (isLatest(spec)) {
      return level.incompatibilities(schema, versions == null ? List.of() : schemasOf(versions));
    }
    Version version = version(subject, spec);
    return level.incompatibilities(schema, List.of(schemasById.get(version.id())));
  }

  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  /** The subject's own level, or null when it uses the global one. */
  synchronized CompatibilityLevel subjectLevel(String subject) {
    return subjectLevels.get(subject);
  }

  synchronized void setGlobalLevel(CompatibilityLevel level) {
    globalLevel = level;
    persist();
  }

  synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
    subjectLevels.put(subject, level);
    persist();
  }

  private CompatibilityLevel levelFor(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private List<Integer> versionsOf(String subject) throws SchemaRegistryException {
    List<Integer> versions = subjectVersions.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(
          "Subject '" + subject + "' not found.", 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    return versions;
  }

  private List<Schema> schemasOf(List<Integer> ids) {
    return ids.stream().map(schemasById::get).toList();
  }

  private static boolean isLatest(String spec) {
    return "latest".equals(spec) || "-1".equals(spec);
  }

  private static int parseVersion(String spec, int latest) throws SchemaRegistryException {
    if (isLatest(spec)) {
      return latest;
    }
    try {
      int number = Integer.parseInt(spec);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new SchemaRegistryException(
        "The specified version '"
            + spec
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"",
        422,
        SchemaRegistryException.INVALID_VERSION);
  }

  private void persist() {
    if (file == null) {
      return;
    }
    List<RegistryStateFile.StoredSchema> schemas = new ArrayList<>();
    new TreeMap<>(schemasById)
        .forEach((id, s) -> schemas.add(new RegistryStateFile.StoredSchema(id, s.toString())));
    Map<String, String> levels = new TreeMap<>();
    subjectLevels.forEach((s, level) -> levels.put(s, level.name()));
    try {
      file.write(
          new RegistryStateFile.State(
              nextId, globalLevel.name(), schemas, new TreeMap<>(subjectVersions), levels));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist schema registry state to " + file, e);
    }
  }
}
