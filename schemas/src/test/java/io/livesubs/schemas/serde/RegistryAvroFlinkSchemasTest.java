package io.livesubs.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.SampleRecords;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryAvroFlinkSchemasTest {

  private static DevSchemaRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    registry = new DevSchemaRegistry().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static Stream<SpecificRecord> records() {
    return SampleRecords.all().stream();
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void roundTripsAfterJavaSerializationLikeAFlinkJobGraph(T record)
      throws Exception {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) record.getClass();
    String topic = "flink." + type.getSimpleName();
    // what the client builds, the task manager receives serialized
    RegistryAvroSerializationSchema<T> serializer =
        shipped(new RegistryAvroSerializationSchema<>(registry.url(), topic, type));
    RegistryAvroDeserializationSchema<T> deserializer =
        shipped(new RegistryAvroDeserializationSchema<>(registry.url(), topic, type));
    serializer.open(null);
    deserializer.open(null);

    byte[] bytes = serializer.serialize(record);
    T back = deserializer.deserialize(bytes);

    assertEquals(record, back);
    assertEquals(new AvroSpecificTypeInfo<>(type), deserializer.getProducedType());
    try (CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(registry.url())) {
      assertEquals(client.getLatest(topic + "-value").id(), ConfluentWireFormat.schemaId(bytes));
      // the Kafka deserializer reads what the Flink schema wrote
      try (AvroDeserializer<T> kafka = new AvroDeserializer<>(client, type)) {
        assertEquals(record, kafka.deserialize(topic, bytes));
      }
    }
  }

  @Test
  void badRecordBecomesAnIoExceptionNamingTheProblem() {
    var deserializer =
        new RegistryAvroDeserializationSchema<>(
            registry.url(), "flink.bad", io.livesubs.schemas.AudioChunk.class);
    IOException e =
        assertThrows(
            IOException.class, () -> deserializer.deserialize(new byte[] {1, 0, 0, 0, 1, 2}));
    assertTrue(e.getMessage().contains("first byte 0x01 is not the magic byte 0"), e.getMessage());
    assertTrue(e.getCause() instanceof SerializationException);
  }

  @Test
  void constructorsCheckTheirArguments() {
    Class<io.livesubs.schemas.AudioChunk> type = io.livesubs.schemas.AudioChunk.class;
    assertThrows(
        IllegalArgumentException.class,
        () -> new RegistryAvroSerializationSchema<>("nope", "t", type));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RegistryAvroDeserializationSchema<>(registry.url(), " ", type));
    assertThrows(
        NullPointerException.class,
        () -> new RegistryAvroDeserializationSchema<>(registry.url(), "t", null));
  }

  @SuppressWarnings("unchecked")
  private static <S> S shipped(S schema) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(schema);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (S) in.readObject();
    }
  }
}
