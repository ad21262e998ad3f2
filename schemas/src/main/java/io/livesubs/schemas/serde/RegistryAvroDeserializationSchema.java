package io.livesubs.schemas.serde;

import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.io.IOException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Flink {@link DeserializationSchema} reading generated Avro records in the Confluent wire format,
 * resolving each writer schema (fetched by id) to {@code T}'s schema: the Flink face of {@link
 * AvroDeserializer}.
 *
 * <p>Serializable: it carries only the registry URL, topic and class; the registry client and
 * deserializer are built in {@link #open} (or on first use). A record that cannot be read throws an
 * {@link IOException} whose message names the problem and whose cause is the {@link
 * SerializationException}. The produced type is {@link AvroSpecificTypeInfo}, which serializes
 * records as Avro binary inside Flink (no Kryo, no flink-avro). A Flink task uses one instance from
 * one thread.
 *
 * @param <T> the generated Avro class
 */
public class RegistryAvroDeserializationSchema<T extends SpecificRecord>
    implements DeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final RegistryBinding<T> binding;
  private transient AvroDeserializer<T> deserializer;

  /**
   * A schema producing {@code type} from records of {@code topic}.
   *
   * @throws IllegalArgumentException when an argument is missing or the URL is malformed
   */
  public RegistryAvroDeserializationSchema(String registryUrl, String topic, Class<T> type) {
    this.binding = new RegistryBinding<>(registryUrl, topic, type);
  }

  @Override
  public void open(InitializationContext context) {
    deserializer();
  }

  @Override
  public T deserialize(byte[] message) throws IOException {
    try {
      return deserializer().deserialize(binding.topic(), message);
    } catch (SerializationException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private AvroDeserializer<T> deserializer() {
    if (deserializer == null) {
      deserializer = new AvroDeserializer<>(binding.newClient(), binding.type());
    }
    return deserializer;
  }

  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return new AvroSpecificTypeInfo<>(binding.type());
  }
}
