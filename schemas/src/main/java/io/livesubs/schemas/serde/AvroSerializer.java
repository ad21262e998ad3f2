package io.livesubs.schemas.serde;

import io.livesubs.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for generated Avro classes in the Confluent wire format. The record's schema is
 * registered under {@code <topic>-value} (or {@code <topic>-key}) on first use, or only looked up
 * when {@link SerdeConfig#AUTO_REGISTER_SCHEMAS} is false; its id is cached by the registry client.
 *
 * <p>Two ways to build one: pass a {@link SchemaRegistryClient} (the caller keeps ownership of it),
 * or use the no-argument constructor and let Kafka call {@link #configure} with {@link
 * SerdeConfig#SCHEMA_REGISTRY_URL} (the serializer then owns the client it creates and closes it in
 * {@link #close()}). Null serializes to null. Thread-safe once configured, as a Kafka producer
 * requires.
 *
 * @param <T> the generated Avro class
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
  private volatile SchemaRegistryClient client;
  private volatile boolean ownsClient;
  private volatile Class<T> type;
  private volatile boolean isKey;
  private volatile boolean autoRegister = true;

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public AvroSerializer() {}

  /** A value serializer using {@code client}, which the caller keeps owning. */
  public AvroSerializer(SchemaRegistryClient client) {
    this(client, null);
  }

  /**
   * A value serializer using {@code client} that accepts only records of {@code type} (null: any
   * generated class).
   */
  public AvroSerializer(SchemaRegistryClient client, Class<T> type) {
    if (client == null) {
      throw new IllegalArgumentException("schema registry client is null");
    }
    this.client = client;
    this.type = type;
  }

  /**
   * Reads {@link SerdeConfig#SCHEMA_REGISTRY_URL} (unless a client was given), {@link
   * SerdeConfig#AUTO_REGISTER_SCHEMAS} and {@link SerdeConfig#AVRO_TYPE}.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.autoRegister = SerdeSupport.bool(configs, SerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    Class<T> configured = SerdeSupport.typeFrom(configs);
    if (configured != null) {
      this.type = configured;
    }
    if (client == null) {
      client = SerdeSupport.clientFrom(configs);
      ownsClient = true;
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    SchemaRegistryClient registry = client;
    if (registry == null) {
      throw new SerializationException(
          "AvroSerializer is not configured: pass a SchemaRegistryClient or configure "
              + SerdeConfig.SCHEMA_REGISTRY_URL);
    }
    if (type != null && !type.isInstance(data)) {
      throw new SerializationException(
          "AvroSerializer for " + type.getName() + " got a " + data.getClass().getName());
    }
    Schema schema = data.getSchema();
    int id = schemaId(registry, SerdeConfig.subject(topic, isKey), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(ConfluentWireFormat.header(id));
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(data, schema).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e, e);
    }
    return out.toByteArray();
  }

  private int schemaId(SchemaRegistryClient registry, String subject, Schema schema) {
    try {
      return autoRegister ? registry.register(subject, schema) : registry.lookupId(subject, schema);
    } catch (IOException e) {
      throw new SerializationException(
          (autoRegister ? "cannot register schema " : "cannot look up schema ")
              + schema.getFullName()
              + " under subject "
              + subject
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<T> writerFor(T data, Schema schema) {
    return writers.computeIfAbsent(
        schema,
        s -> new SpecificDatumWriter<>(s, SpecificData.getForClass((Class<T>) data.getClass())));
  }

  /** Closes the registry client if this serializer created it; idempotent. */
  @Override
  public void close() {
    SchemaRegistryClient owned = ownsClient ? client : null;
    if (owned != null) {
      ownsClient = false;
      owned.close();
    }
  }
}
