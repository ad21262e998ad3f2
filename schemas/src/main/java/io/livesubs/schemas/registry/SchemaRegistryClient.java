package io.livesubs.schemas.registry;

import java.io.IOException;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent schema registry API that livesubs uses: register Avro schemas under a
 * subject, fetch schemas by their global id, read the latest version of a subject and ask whether a
 * schema would be accepted.
 *
 * <p>Implementations are thread-safe unless they say otherwise. Failures reported by the registry
 * (and an unreachable registry) surface as {@link SchemaRegistryException}, which carries the HTTP
 * status and the Confluent error code.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /**
   * Registers {@code schema} under {@code subject} and returns its global id. Idempotent: the same
   * schema under the same subject always returns the same id without creating a new version.
   *
   * @throws SchemaRegistryException with error code 409 when the schema is incompatible with the
   *     subject's earlier versions under its compatibility level, 42201 when it is invalid
   */
  int register(String subject, Schema schema) throws IOException;

  /**
   * Returns the id under which {@code schema} is already registered in {@code subject}, without
   * registering it.
   *
   * @throws SchemaRegistryException with error code 40401 (no such subject) or 40403 (the subject
   *     has no such schema)
   */
  int lookupId(String subject, Schema schema) throws IOException;

  /**
   * Returns the schema with global id {@code id}.
   *
   * @throws SchemaRegistryException with error code 40403 when no schema has this id
   */
  Schema getById(int id) throws IOException;

  /**
   * Returns the latest version registered under {@code subject}.
   *
   * @throws SchemaRegistryException with error code 40401 when the subject does not exist
   */
  RegisteredSchema getLatest(String subject) throws IOException;

  /**
   * Returns whether {@code schema} could be registered under {@code subject} now, judged by the
   * subject's compatibility level against its existing versions. A subject that does not exist
   * accepts any valid schema.
   */
  boolean testCompatibility(String subject, Schema schema) throws IOException;

  /** Releases resources held by the client; idempotent. */
  @Override
  void close();
}
