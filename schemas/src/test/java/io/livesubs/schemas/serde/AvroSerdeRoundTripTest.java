package io.livesubs.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.SampleRecords;
import io.livesubs.schemas.StreamConfig;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.registry.RegisteredSchema;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

  private static DevSchemaRegistry registry;
  private static CachedSchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    registry = new DevSchemaRegistry().start();
    client = CachedSchemaRegistryClient.forUrl(registry.url());
  }

  @AfterAll
  static void stop() {
    client.close();
    registry.close();
  }

  static Stream<SpecificRecord> records() {
    return SampleRecords.all().stream();
  }

  @ParameterizedTest
  @MethodSource("records")
  <T extends SpecificRecord> void roundTripsWithSharedClient(T record) throws Exception {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) record.getClass();
    String topic = "rt." + type.getSimpleName();
    try (AvroSerializer<T> serializer = new AvroSerializer<>(client, type);
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(client, type)) {
      byte[] bytes = serializer.serialize(topic, record);

      RegisteredSchema registered = client.getLatest(topic + "-value");
      assertEquals(record.getSchema(), registered.schema());
      assertEquals(0, bytes[0]);
      assertEquals(registered.id(), ConfluentWireFormat.schemaId(bytes));
      T back = deserializer.deserialize(topic, bytes);
      assertEquals(record, back);
      assertEquals(type, back.getClass());
    }
  }

  @ParameterizedTest
  @MethodSource("records")
  void roundTripsWhenConfiguredLikeKafkaDoes(SpecificRecord record) {
    Map<String, Object> config =
        Map.of(
            SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
            SerdeConfig.AVRO_TYPE, record.getClass().getName());
    try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>()) {
      serializer.configure(config, false);
      deserializer.configure(config, false);
      String topic = Topics.AUDIO + ".cfg." + record.getClass().getSimpleName();
      byte[] bytes = serializer.serialize(topic, record);
      assertEquals(record, deserializer.deserialize(topic, bytes));
    }
  }

  @Test
  void withoutATypeTheClassIsFoundByTheWriterSchemaName() {
    try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(client);
        AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(client)) {
      for (SpecificRecord record : SampleRecords.all()) {
        String topic = "by-name." + record.getClass().getSimpleName();
        byte[] bytes = serializer.serialize(topic, record);
        assertEquals(record, deserializer.deserialize(topic, bytes));
      }
    }
  }

  @Test
  void keySerializerUsesTheKeySubject() throws Exception {
    try (AvroSerializer<StreamConfig> serializer = new AvroSerializer<>(client)) {
      serializer.configure(Map.of(), true);
      byte[] bytes = serializer.serialize("keyed", SampleRecords.streamConfig());
      assertEquals(ConfluentWireFormat.schemaId(bytes), client.getLatest("keyed-key").id());
    }
  }

  @Test
  void nullIsNullBothWays() {
    try (AvroSerializer<AudioChunk> serializer = new AvroSerializer<>(client);
        AvroDeserializer<AudioChunk> deserializer =
            new AvroDeserializer<>(client, AudioChunk.class)) {
      assertNull(serializer.serialize("t", null));
      assertNull(deserializer.deserialize("t", null));
    }
  }

  @Test
  void bytesAreHeaderPlusPlainAvroBinary() throws Exception {
    AudioChunk chunk = SampleRecords.audioChunk();
    try (AvroSerializer<AudioChunk> serializer = new AvroSerializer<>(client)) {
      byte[] bytes = serializer.serialize("plain", chunk);
      byte[] avro = chunk.toByteBuffer().array();
      // generated toByteBuffer() is Avro single-object encoding: 10-byte header, then binary
      byte[] binary = Arrays.copyOfRange(avro, 10, avro.length);
      assertArrayEquals(
          binary, Arrays.copyOfRange(bytes, ConfluentWireFormat.HEADER_LENGTH, bytes.length));
      assertArrayEquals(
          ConfluentWireFormat.header(client.getLatest("plain-value").id()),
          Arrays.copyOf(bytes, 5));
    }
  }

  @Test
  void withAutoRegisterOffAnUnregisteredSchemaFailsAndARegisteredOneWorks() throws Exception {
    try (AvroSerializer<AudioChunk> serializer = new AvroSerializer<>(client)) {
      serializer.configure(Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
      SerializationException e =
          assertThrows(
              SerializationException.class,
              () -> serializer.serialize("manual", SampleRecords.audioChunk()));
      assertTrue(
          e.getMessage()
              .contains(
                  "cannot look up schema io.livesubs.schemas.AudioChunk under subject manual-value"),
          e.getMessage());
      assertTrue(e.getMessage().contains("40401"), e.getMessage());

      client.register("manual-value", AudioChunk.getClassSchema());
      byte[] bytes = serializer.serialize("manual", SampleRecords.audioChunk());
      assertEquals(client.getLatest("manual-value").id(), ConfluentWireFormat.schemaId(bytes));
    }
  }

  @Test
  void configurationErrorsAreClear() {
    try (AvroSerializer<AudioChunk> serializer = new AvroSerializer<>()) {
      ConfigException e =
          assertThrows(ConfigException.class, () -> serializer.configure(Map.of(), false));
      assertTrue(e.getMessage().contains(SerdeConfig.SCHEMA_REGISTRY_URL), e.getMessage());
      SerializationException notConfigured =
          assertThrows(
              SerializationException.class,
              () -> serializer.serialize("t", SampleRecords.audioChunk()));
      assertTrue(notConfigured.getMessage().contains("not configured"));
    }
    try (AvroDeserializer<AudioChunk> deserializer = new AvroDeserializer<>()) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () ->
                  deserializer.configure(
                      Map.of(
                          SerdeConfig.SCHEMA_REGISTRY_URL,
                          registry.url(),
                          SerdeConfig.AVRO_TYPE,
                          "java.lang.String"),
                      false));
      assertTrue(e.getMessage().contains("SpecificRecord"), e.getMessage());
      assertThrows(
          ConfigException.class,
          () ->
              deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "not a url"), false));
    }
  }

  @Test
  void recordOfTheWrongTypeIsRejected() {
    @SuppressWarnings({"rawtypes", "unchecked"})
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer(client, AudioChunk.class);
    SerializationException e =
        assertThrows(
            SerializationException.class,
            () -> serializer.serialize("t", SampleRecords.deadLetter()));
    assertTrue(e.getMessage().contains("DeadLetter"), e.getMessage());
  }
}
