package io.livesubs.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent compatibility levels, with the Avro rule each one applies. BACKWARD means consumers
 * using the new schema can read data written with the previous one (the new schema is the reader);
 * FORWARD the other way round; FULL both; the TRANSITIVE variants check every earlier version
 * instead of only the latest. Immutable and thread-safe.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /**
   * Parses a level name as the registry REST API spells it (case-insensitive).
   *
   * @throws IllegalArgumentException naming the valid levels
   */
  public static CompatibilityLevel parse(String name) {
    if (name != null) {
      for (CompatibilityLevel level : values()) {
        if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
          return level;
        }
      }
    }
    throw new IllegalArgumentException(
        "Invalid compatibility level '"
            + name
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }

  /**
   * Returns why {@code candidate} may not follow {@code existing} (versions oldest first) under
   * this level; an empty list means it may.
   */
  public List<String> incompatibilities(Schema candidate, List<Schema> existing) {
    List<String> problems = new ArrayList<>();
    if (existing.isEmpty() || this == NONE) {
      return problems;
    }
    List<Schema> toCheck =
        transitive ? existing : existing.subList(existing.size() - 1, existing.size());
    for (Schema previous : toCheck) {
      if (newReadsOld) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous),
            "reading data written with an earlier schema",
            problems);
      }
      if (oldReadsNew) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate),
            "an earlier schema reading data written with the new one",
            problems);
      }
    }
    return problems;
  }

  private static void describe(
      SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      result
          .getResult()
          .getIncompatibilities()
          .forEach(
              i ->
                  problems.add(
                      direction
                          + ": "
                          + i.getType()
                          + " at "
                          + i.getLocation()
                          + ": "
                          + i.getMessage()));
    }
  }
}
