package io.livesubs.schemas.serde;

import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import java.io.Serializable;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a Flink (de)serialization schema needs to reach the registry: its URL, the topic whose
 * subject it uses, and the generated class. Serializable and immutable; the client itself is made
 * on the task manager by {@link #newClient()}.
 *
 * @param registryUrl the schema registry URL (checked)
 * @param topic the Kafka topic (not blank)
 * @param type the generated Avro class
 * @param <T> the generated Avro class
 */
record RegistryBinding<T extends SpecificRecord>(String registryUrl, String topic, Class<T> type)
    implements Serializable {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException when an argument is missing or the URL is malformed
   */
  RegistryBinding {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("topic is empty");
    }
    registryUrl = CachedSchemaRegistryClient.checkUrl(registryUrl);
    Objects.requireNonNull(type, "type");
  }

  /** A new client of the registry. */
  CachedSchemaRegistryClient newClient() {
    return CachedSchemaRegistryClient.forUrl(registryUrl);
  }
}
