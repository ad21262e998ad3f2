package io.livesubs.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in the schema registry.
 *
 * @param subject the subject, e.g. {@code livesubs.audio-value}
 * @param version the version within the subject, starting at 1
 * @param id the schema's global id (the one in the Confluent wire format header)
 * @param schema the parsed Avro schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

  /** Checks that no component is missing and that version and id are positive. */
  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, got " + version);
    }
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0, got " + id);
    }
  }
}
