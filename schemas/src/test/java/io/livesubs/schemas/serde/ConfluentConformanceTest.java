package io.livesubs.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.SampleRecords;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.RestService;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroSerializationSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our registry, client and wire format against the genuine Confluent schema registry client and
 * Flink's Confluent-registry Avro format, both relocated inside flink-sql-avro-confluent-registry.
 * That jar does not contain Confluent's KafkaAvroSerializer/Deserializer; Flink's format writes and
 * reads the same wire format through the genuine client, so it stands in for them.
 */
class ConfluentConformanceTest {

  private static DevSchemaRegistry registry;
  private static CachedSchemaRegistryClient ours;
  private static org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry
          .client.CachedSchemaRegistryClient
      genuine;

  @BeforeAll
  static void start() throws Exception {
    registry = new DevSchemaRegistry().start();
    ours = CachedSchemaRegistryClient.forUrl(registry.url());
    genuine =
        new org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client
            .CachedSchemaRegistryClient(registry.url(), 100);
  }

  @AfterAll
  static void stop() throws Exception {
    genuine.close();
    ours.close();
    registry.close();
  }

  static Stream<SpecificRecord> records() {
    return SampleRecords.all().stream();
  }

  @Test
  void genuineClientSpeaksToTheDevRegistry() throws Exception {
    String subject = "conformance.cues-value";
    AvroSchema cue = new AvroSchema(SubtitleCue.getClassSchema().toString());
    int id = genuine.register(subject, cue);
    assertEquals(id, genuine.register(subject, cue));
    assertEquals(id, ours.register(subject, SubtitleCue.getClassSchema()));
    assertEquals(id, ours.register("elsewhere-value", SubtitleCue.getClassSchema()));
    assertEquals(id, genuine.getId(subject, cue));
    assertEquals(
        SubtitleCue.getClassSchema().toString(), genuine.getSchemaById(id).canonicalString());

    SchemaMetadata latest = genuine.getLatestSchemaMetadata(subject);
    assertEquals(id, latest.getId());
    assertEquals(1, latest.getVersion());
    assertEquals(
        SubtitleCue.getClassSchema(),
        new org.apache.avro.Schema.Parser().parse(latest.getSchema()));
    assertEquals(List.of(1), genuine.getAllVersions(subject));
    assertTrue(genuine.getAllSubjects().containsAll(List.of(subject, "elsewhere-value")));

    String withOptional =
        SubtitleCue.getClassSchema()
            .toString()
            .replace(
                "\"fields\":[",
                "\"fields\":[{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null},");
    String withRequired =
        SubtitleCue.getClassSchema()
            .toString()
            .replace("\"fields\":[", "\"fields\":[{\"name\":\"note\",\"type\":\"string\"},");
    assertTrue(genuine.testCompatibility(subject, new AvroSchema(withOptional)));
    assertFalse(genuine.testCompatibility(subject, new AvroSchema(withRequired)));
    RestClientException incompatible =
        assertThrows(
            RestClientException.class,
            () -> genuine.register(subject, new AvroSchema(withRequired)));
    assertEquals(409, incompatible.getErrorCode());
    assertEquals(409, incompatible.getStatus());
    RestClientException missing =
        assertThrows(
            RestClientException.class, () -> genuine.getLatestSchemaMetadata("missing-value"));
    assertEquals(40401, missing.getErrorCode());
    RestClientException unknownId =
        assertThrows(RestClientException.class, () -> genuine.getSchemaById(99_999));
    assertEquals(40403, unknownId.getErrorCode());

    RestService rest = new RestService(registry.url());
    assertEquals("BACKWARD", rest.getConfig(null).getCompatibilityLevel());
    assertEquals("NONE", rest.updateCompatibility("NONE", subject).getCompatibilityLevel());
    assertEquals("NONE", rest.getConfig(subject).getCompatibilityLevel());
    int second = genuine.register(subject, new AvroSchema(withRequired));
    assertTrue(second > id, "new schema got old id " + second);
    assertEquals(2, genuine.getLatestSchemaMetadata(subject).getVersion());
  }

  @ParameterizedTest
  @MethodSource("records")
  void ourBytesAreReadByFlinksConfluentFormat(SpecificRecord record) throws Exception {
    String topic = "ours-to-theirs." + record.getClass().getSimpleName();
    byte[] bytes;
    try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(ours)) {
      bytes = serializer.serialize(topic, record);
    }
    Schema reader = ShadedAvro.schema(record.getSchema());
    ConfluentRegistryAvroDeserializationSchema<GenericRecord> theirs =
        ConfluentRegistryAvroDeserializationSchema.forGeneric(reader, registry.url());
    GenericRecord read = theirs.deserialize(bytes);
    ShadedAvro.assertSameData(record, read, record.getSchema().getName());
  }

  @ParameterizedTest
  @MethodSource("records")
  void theirBytesAreReadByOurDeserializer(SpecificRecord record) throws Exception {
    String topic = "theirs-to-ours." + record.getClass().getSimpleName();
    Schema writer = ShadedAvro.schema(record.getSchema());
    ConfluentRegistryAvroSerializationSchema<GenericRecord> theirs =
        ConfluentRegistryAvroSerializationSchema.forGeneric(
            topic + "-value", writer, registry.url());
    byte[] bytes = theirs.serialize((GenericRecord) ShadedAvro.toShaded(record, writer));

    assertEquals(ours.getLatest(topic + "-value").id(), ConfluentWireFormat.schemaId(bytes));
    try (AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(ours)) {
      assertEquals(record, deserializer.deserialize(topic, bytes));
    }
  }

  @Test
  void theirSerializerAndOursAgreeOnTheBytes() throws Exception {
    AudioChunk chunk = SampleRecords.audioChunk();
    Schema writer = ShadedAvro.schema(AudioChunk.getClassSchema());
    byte[] theirs =
        ConfluentRegistryAvroSerializationSchema.forGeneric("same-value", writer, registry.url())
            .serialize((GenericRecord) ShadedAvro.toShaded(chunk, writer));
    byte[] mine;
    try (AvroSerializer<AudioChunk> serializer = new AvroSerializer<>(ours)) {
      mine = serializer.serialize("same", chunk);
    }
    assertEquals(
        java.util.HexFormat.of().formatHex(theirs), java.util.HexFormat.of().formatHex(mine));
  }
}
