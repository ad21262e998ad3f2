package io.livesubs.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.AudioEncoding;
import io.livesubs.schemas.SampleRecords;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer built against today's AudioChunk class keeps reading when producers move to a newer
 * schema, and the registry refuses changes that would break it.
 */
class SchemaEvolutionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "livesubs.audio";
  private static final String SUBJECT = TOPIC + "-value";

  private DevSchemaRegistry registry;
  private CachedSchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    registry = new DevSchemaRegistry().start();
    client = CachedSchemaRegistryClient.forUrl(registry.url());
    // an old producer has registered today's schema
    try (AvroSerializer<AudioChunk> old = new AvroSerializer<>(client)) {
      old.serialize(TOPIC, SampleRecords.audioChunk());
    }
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void oldConsumerReadsRecordsWrittenWithANewOptionalField() throws Exception {
    ObjectNode field = JSON.createObjectNode().put("name", "speakerId").putNull("default");
    field.putArray("type").add("null").add("string");
    Schema newer = withField(field);

    assertTrue(client.testCompatibility(SUBJECT, newer));
    int newId = client.register(SUBJECT, newer);
    assertEquals(2, client.getLatest(SUBJECT).version());

    AudioChunk expected = SampleRecords.audioChunk();
    GenericRecord written = copyInto(newer, expected);
    written.put("speakerId", "spk-7");
    byte[] bytes = frame(newId, newer, written);

    try (AvroDeserializer<AudioChunk> oldConsumer =
        new AvroDeserializer<>(client, AudioChunk.class)) {
      AudioChunk read = oldConsumer.deserialize(TOPIC, bytes);
      assertEquals(expected, read);
    }
  }

  @Test
  void oldConsumerMapsAnUnknownEncodingToUnknown() throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(AudioChunk.getClassSchema().toString());
    for (var field : json.withArray("fields")) {
      if (field.get("name").asText().equals("encoding")) {
        ((ArrayNode) field.get("type").get("symbols")).add("PCM_F32LE");
      }
    }
    Schema newer = new Schema.Parser().parse(json.toString());
    int newId = client.register(SUBJECT, newer);

    GenericRecord written = copyInto(newer, SampleRecords.audioChunk());
    written.put(
        "encoding", new GenericData.EnumSymbol(newer.getField("encoding").schema(), "PCM_F32LE"));
    try (AvroDeserializer<AudioChunk> oldConsumer =
        new AvroDeserializer<>(client, AudioChunk.class)) {
      AudioChunk read = oldConsumer.deserialize(TOPIC, frame(newId, newer, written));
      assertEquals(AudioEncoding.UNKNOWN, read.getEncoding());
      assertEquals(SampleRecords.audioChunk().getPayload(), read.getPayload());
    }
  }

  @Test
  void registryRejectsANewRequiredFieldWithoutDefaultUnderBackward() throws Exception {
    ObjectNode field = JSON.createObjectNode().put("name", "speakerId").put("type", "string");
    Schema breaking = withField(field);

    assertFalse(client.testCompatibility(SUBJECT, breaking));
    SchemaRegistryException e =
        assertThrows(SchemaRegistryException.class, () -> client.register(SUBJECT, breaking));
    assertEquals(409, e.httpStatus());
    assertEquals(409, e.errorCode());
    assertTrue(e.getMessage().contains("speakerId"), e.getMessage());
    assertEquals(1, client.getLatest(SUBJECT).version());
  }

  /** AudioChunk's schema JSON with {@code field} appended. */
  private static Schema withField(ObjectNode field) throws Exception {
    ObjectNode json = (ObjectNode) JSON.readTree(AudioChunk.getClassSchema().toString());
    json.withArray("fields").add(field);
    return new Schema.Parser().parse(json.toString());
  }

  /** A generic record of {@code schema} holding the fields of {@code chunk}. */
  private static GenericRecord copyInto(Schema schema, AudioChunk chunk) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : AudioChunk.getClassSchema().getFields()) {
      Object value = chunk.get(field.name());
      if (value instanceof AudioEncoding encoding) {
        value = new GenericData.EnumSymbol(schema.getField(field.name()).schema(), encoding.name());
      }
      record.put(field.name(), value);
    }
    return record;
  }

  private static byte[] frame(int id, Schema schema, GenericRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return ConfluentWireFormat.frame(id, out.toByteArray());
  }
}
