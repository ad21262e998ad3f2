package io.livesubs.sink.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for the store value types ({@link StoredCue}, {@link TimelineState}). Store values are
 * this service's own data, so they do not go through the schema registry; JSON keeps the changelog
 * topics readable. Unknown properties are ignored so that a newer instance can add fields.
 * Thread-safe (Jackson's {@link ObjectMapper} is, once configured).
 */
public final class JsonSerde {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JsonSerde() {}

  /** Returns a serde writing and reading {@code type} as JSON. */
  public static <T> Serde<T> of(Class<T> type) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            return MAPPER.writeValueAsBytes(value);
          } catch (IOException e) {
            throw new SerializationException(
                "cannot write " + type.getSimpleName() + " as JSON for " + topic, e);
          }
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return MAPPER.readValue(bytes, type);
          } catch (IOException e) {
            throw new SerializationException(
                "cannot read " + type.getSimpleName() + " from JSON in " + topic, e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
