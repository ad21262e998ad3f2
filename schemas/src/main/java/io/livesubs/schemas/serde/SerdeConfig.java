package io.livesubs.schemas.serde;

/**
 * Configuration keys of the livesubs Avro serdes, and the subject naming rule. The registry keys
 * are spelled as in Confluent's serdes so existing client configuration carries over.
 */
public final class SerdeConfig {

  /** Base URL of the schema registry, e.g. {@code http://localhost:8081}. Required. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether the serializer registers its schema (default true) or only looks it up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /**
   * Fully qualified name of the generated Avro class the deserializer produces, e.g. {@code
   * io.livesubs.schemas.AudioChunk}. Optional: without it the class is found from the writer
   * schema's full name.
   */
  public static final String AVRO_TYPE = "livesubs.avro.type";

  private SerdeConfig() {}

  /** The subject of a topic's keys or values: {@code <topic>-key} or {@code <topic>-value}. */
  public static String subject(String topic, boolean isKey) {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic is empty");
    }
    return topic + (isKey ? "-key" : "-value");
  }
}
