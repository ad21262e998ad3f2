package io.livesubs.schemas.serde;

import io.livesubs.schemas.registry.SchemaRegistryClient;
import io.livesubs.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for generated Avro classes in the Confluent wire format. The writer schema is
 * fetched by the id in the record header and resolved against the reader's generated class, so a
 * consumer built against an older schema reads records written with a newer compatible one (and
 * vice versa). Readers are cached per writer schema id.
 *
 * <p>The reader class is the one passed to the constructor, else {@link SerdeConfig#AVRO_TYPE},
 * else the generated class named like the writer schema. Client ownership as in {@link
 * AvroSerializer}. Null deserializes to null; bad magic byte, short records, unknown schema ids,
 * incompatible schemas and garbled Avro throw {@link SerializationException} naming the problem.
 * Thread-safe once configured.
 *
 * @param <T> the generated Avro class
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private volatile SchemaRegistryClient client;
  private volatile boolean ownsClient;
  private volatile Class<T> type;

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public AvroDeserializer() {}

  /** A deserializer that picks the generated class by the writer schema's full name. */
  public AvroDeserializer(SchemaRegistryClient client) {
    this(client, null);
  }

  /** A deserializer producing {@code type} (null: by writer schema name) using {@code client}. */
  public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    if (client == null) {
      throw new IllegalArgumentException("schema registry client is null");
    }
    this.client = client;
    this.type = type;
  }

  /**
   * Reads {@link SerdeConfig#SCHEMA_REGISTRY_URL} (unless a client was given) and {@link
   * SerdeConfig#AVRO_TYPE}.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Class<T> configured = SerdeSupport.typeFrom(configs);
    if (configured != null) {
      this.type = configured;
      readers.clear();
    }
    if (client == null) {
      client = SerdeSupport.clientFrom(configs);
      ownsClient = true;
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = ConfluentWireFormat.schemaId(data);
    DatumReader<T> reader = readers.get(id);
    if (reader == null) {
      reader = readerFor(id, topic);
      readers.putIfAbsent(id, reader);
    }
    BoundedAvroDecoder decoder =
        new BoundedAvroDecoder(
            data,
            ConfluentWireFormat.HEADER_LENGTH,
            data.length - ConfluentWireFormat.HEADER_LENGTH);
    T record;
    try {
      record = reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot decode Avro record of topic " + topic + " with schema id " + id + ": " + e, e);
    }
    if (decoder.remaining() > 0) {
      throw new SerializationException(
          "cannot decode Avro record of topic "
              + topic
              + " with schema id "
              + id
              + ": garbled Avro, "
              + decoder.remaining()
              + " bytes left after the record");
    }
    return record;
  }

  private DatumReader<T> readerFor(int id, String topic) {
    SchemaRegistryClient registry = client;
    if (registry == null) {
      throw new SerializationException(
          "AvroDeserializer is not configured: pass a SchemaRegistryClient or configure "
              + SerdeConfig.SCHEMA_REGISTRY_URL);
    }
    Schema writer;
    try {
      writer = registry.getById(id);
    } catch (SchemaRegistryException e) {
      String what =
          e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
              ? "unknown schema id "
              : "cannot fetch schema id ";
      throw new SerializationException(
          what + id + " in record of topic " + topic + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SerializationException(
          "cannot fetch schema id " + id + " in record of topic " + topic + ": " + e, e);
    }
    Class<T> readerType = type != null ? type : classNamedLike(writer, id);
    SpecificData model = SpecificData.getForClass(readerType);
    Schema reader = model.getSchema(readerType);
    SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException(
          "schema id "
              + id
              + " ("
              + writer.getFullName()
              + ") in record of topic "
              + topic
              + " cannot be read as "
              + readerType.getName()
              + ": "
              + compatibility.getDescription());
    }
    return new SpecificDatumReader<>(writer, reader, model);
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> classNamedLike(Schema writer, int id) {
    try {
      Class<?> found = Class.forName(writer.getFullName(), true, SerdeSupport.classLoader());
      if (SpecificRecord.class.isAssignableFrom(found)) {
        return (Class<T>) found;
      }
    } catch (ClassNotFoundException e) {
      // reported below
    }
    throw new SerializationException(
        "no generated Avro class "
            + writer.getFullName()
            + " for schema id "
            + id
            + "; set "
            + SerdeConfig.AVRO_TYPE);
  }

  /** Closes the registry client if this deserializer created it; idempotent. */
  @Override
  public void close() {
    SchemaRegistryClient owned = ownsClient ? client : null;
    if (owned != null) {
      ownsClient = false;
      owned.close();
    }
  }
}
