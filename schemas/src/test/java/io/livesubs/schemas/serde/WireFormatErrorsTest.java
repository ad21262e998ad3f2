package io.livesubs.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.SampleRecords;
import io.livesubs.schemas.StreamConfig;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WireFormatErrorsTest {

  private static DevSchemaRegistry registry;
  private static CachedSchemaRegistryClient client;
  private static AvroSerializer<AudioChunk> serializer;
  private static AvroDeserializer<AudioChunk> deserializer;

  @BeforeAll
  static void start() throws Exception {
    registry = new DevSchemaRegistry().start();
    client = CachedSchemaRegistryClient.forUrl(registry.url());
    serializer = new AvroSerializer<>(client, AudioChunk.class);
    deserializer = new AvroDeserializer<>(client, AudioChunk.class);
  }

  @AfterAll
  static void stop() {
    client.close();
    registry.close();
  }

  private static SerializationException decodeFails(byte[] bytes) {
    return assertThrows(
        SerializationException.class, () -> deserializer.deserialize("audio", bytes));
  }

  @Test
  void headerRoundTrips() {
    byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {9});
    assertEquals(6, framed.length);
    assertEquals(0x01020304, ConfluentWireFormat.schemaId(framed));
    assertEquals(0x01, framed[1]);
    assertEquals(0x04, framed[4]);
  }

  @Test
  void wrongMagicByteIsNamed() {
    byte[] bytes = serializer.serialize("audio", SampleRecords.audioChunk());
    bytes[0] = 0x7b; // e.g. a JSON producer's '{'
    SerializationException e = decodeFails(bytes);
    assertEquals(
        "not Confluent wire format: first byte 0x7b is not the magic byte 0", e.getMessage());
  }

  @Test
  void tooShortRecordIsNamed() {
    for (int length = 0; length < ConfluentWireFormat.HEADER_LENGTH; length++) {
      SerializationException e = decodeFails(new byte[length]);
      assertTrue(
          e.getMessage().startsWith("record of " + length + " bytes is too short"), e.getMessage());
    }
  }

  @Test
  void unknownSchemaIdIsNamed() {
    byte[] bytes = ConfluentWireFormat.frame(4242, new byte[] {2, 'a'});
    SerializationException e = decodeFails(bytes);
    assertTrue(e.getMessage().contains("unknown schema id 4242"), e.getMessage());
    assertTrue(e.getMessage().contains("audio"), e.getMessage());
  }

  @Test
  void truncatedAvroIsNamed() {
    byte[] bytes = serializer.serialize("audio", SampleRecords.audioChunk());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 100);
    SerializationException e = decodeFails(truncated);
    assertTrue(
        e.getMessage().startsWith("cannot decode Avro record of topic audio with schema id"),
        e.getMessage());
  }

  @Test
  void trailingBytesAreNamed() {
    byte[] bytes = serializer.serialize("audio", SampleRecords.minimalAudioChunk());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
    SerializationException e = decodeFails(longer);
    assertTrue(e.getMessage().contains("3 bytes left after the record"), e.getMessage());
  }

  @Test
  void hugeEncodedLengthFailsWithoutAllocatingIt() {
    int id =
        ConfluentWireFormat.schemaId(serializer.serialize("audio", SampleRecords.audioChunk()));
    // streamId string length as zig-zag varint 2^30: Avro would allocate 1 GiB before reading
    byte[] varint = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
    SerializationException e = decodeFails(ConfluentWireFormat.frame(id, varint));
    assertTrue(
        e.getMessage().contains("garbled Avro: string of length 1073741824"), e.getMessage());
  }

  @Test
  void randomGarbageAfterAValidHeaderNeverEscapesAsAnotherException() {
    int id =
        ConfluentWireFormat.schemaId(serializer.serialize("audio", SampleRecords.audioChunk()));
    Random random = new Random(7);
    int failures = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] garbage = new byte[random.nextInt(64)];
      random.nextBytes(garbage);
      try {
        deserializer.deserialize("audio", ConfluentWireFormat.frame(id, garbage));
      } catch (SerializationException expected) {
        failures++;
      }
    }
    assertTrue(failures > 1900, "only " + failures + " of 2000 garbage records were rejected");
  }

  @Test
  void recordOfAnotherSchemaIsRejectedByName() {
    AvroSerializer<StreamConfig> other = new AvroSerializer<>(client);
    byte[] bytes = other.serialize("streams", SampleRecords.streamConfig());
    SerializationException e = decodeFails(bytes);
    assertTrue(e.getMessage().contains("io.livesubs.schemas.StreamConfig"), e.getMessage());
    assertTrue(
        e.getMessage().contains("cannot be read as io.livesubs.schemas.AudioChunk"),
        e.getMessage());
  }

  @Test
  void nullFieldInARecordFailsToSerializeNamingTheSchema() {
    AudioChunk broken = SampleRecords.audioChunk();
    broken.setPayload(null);
    SerializationException e =
        assertThrows(SerializationException.class, () -> serializer.serialize("audio", broken));
    assertTrue(
        e.getMessage().contains("cannot encode io.livesubs.schemas.AudioChunk for topic audio"),
        e.getMessage());
  }

  @Test
  void headerOfABufferIsFiveBytesBigEndian() {
    assertEquals(ByteBuffer.wrap(ConfluentWireFormat.header(258)).getInt(1), 258);
    assertEquals(0, ConfluentWireFormat.header(258)[0]);
  }
}
