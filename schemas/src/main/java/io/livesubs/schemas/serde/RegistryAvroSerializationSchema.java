package io.livesubs.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Flink {@link SerializationSchema} writing generated Avro records in the Confluent wire format,
 * registering the schema under {@code <topic>-value}: the Flink face of {@link AvroSerializer}.
 *
 * <p>Serializable: it carries only the registry URL, topic and class; the registry client and
 * serializer are built in {@link #open} on the task manager (or on first use if {@code open} was
 * not called). A Flink task uses one instance from one thread.
 *
 * @param <T> the generated Avro class
 */
public class RegistryAvroSerializationSchema<T extends SpecificRecord>
    implements SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final RegistryBinding<T> binding;
  private transient AvroSerializer<T> serializer;

  /**
   * A schema for records of {@code type} written to {@code topic}.
   *
   * @throws IllegalArgumentException when an argument is missing or the URL is malformed
   */
  public RegistryAvroSerializationSchema(String registryUrl, String topic, Class<T> type) {
    this.binding = new RegistryBinding<>(registryUrl, topic, type);
  }

  @Override
  public void open(InitializationContext context) {
    serializer();
  }

  @Override
  public byte[] serialize(T element) {
    return serializer().serialize(binding.topic(), element);
  }

  private AvroSerializer<T> serializer() {
    if (serializer == null) {
      serializer = new AvroSerializer<>(binding.newClient(), binding.type());
    }
    return serializer;
  }

  /** The topic whose subject the schema is registered under. */
  public String topic() {
    return binding.topic();
  }
}
