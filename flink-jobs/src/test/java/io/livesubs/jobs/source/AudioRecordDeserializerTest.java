package io.livesubs.jobs.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.testing.TestStreams;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.schemas.serde.ConfluentWireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real schema registry served in-process over HTTP. */
class AudioRecordDeserializerTest {

  private static final String TOPIC = "livesubs.audio";
  private static final byte[] KEY = "s".getBytes(StandardCharsets.UTF_8);

  private DevSchemaRegistry registry;
  private AvroSerializer<AudioChunk> serializer;
  private AudioRecordDeserializer deserializer;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = new DevSchemaRegistry().start();
    serializer =
        new AvroSerializer<>(CachedSchemaRegistryClient.forUrl(registry.url()), AudioChunk.class);
    deserializer = new AudioRecordDeserializer(registry.url(), ChunkLimits.defaults());
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] key, byte[] value) {
    return new ConsumerRecord<>(TOPIC, 3, offset, key, value);
  }

  @Test
  void validRecordIsAcceptedWithItsSourceCoordinates() throws IOException {
    PcmChunk chunk = TestStreams.stream("s", 2, false).get(1);
    byte[] value = serializer.serialize(TOPIC, TestStreams.toAvro(chunk));
    DecodedAudio decoded = deserializer.decode(record(42, KEY, value));
    assertTrue(decoded.isAccepted(), decoded.toString());
    assertEquals(chunk, decoded.chunk());
    assertEquals(TOPIC, decoded.sourceTopic());
    assertEquals(3, decoded.sourcePartition());
    assertEquals(42, decoded.sourceOffset());
    assertArrayEquals(KEY, decoded.key());
    assertNull(decoded.originalValue(), "accepted audio is not carried twice");
  }

  @Test
  void undecodableRecordsBecomeRejectionsKeepingKeyAndBytes() throws IOException {
    byte[] valid =
        serializer.serialize(TOPIC, TestStreams.toAvro(TestStreams.stream("s", 1, false).get(0)));
    byte[] badMagic = valid.clone();
    badMagic[0] = 7;
    byte[] unknownId =
        ConfluentWireFormat.frame(987_654, Arrays.copyOfRange(valid, 5, valid.length));
    byte[] truncated = Arrays.copyOf(valid, valid.length - 40);
    byte[] tooShort = {0, 0};
    for (byte[] bad : List.of(badMagic, unknownId, truncated, tooShort)) {
      DecodedAudio decoded = deserializer.decode(record(7, KEY, bad));
      assertEquals(RejectReason.DECODE_FAILED, decoded.rejectCode(), decoded.toString());
      assertArrayEquals(bad, decoded.originalValue());
      assertArrayEquals(KEY, decoded.key());
      assertEquals(7, decoded.sourceOffset());
      assertTrue(decoded.rejectReason().length() > 10, decoded.rejectReason());
    }
    assertTrue(
        deserializer.decode(record(1, KEY, unknownId)).rejectReason().contains("987654"),
        "the reason names the unknown schema id");
  }

  @Test
  void tombstoneIsRejectedNotThrown() throws IOException {
    DecodedAudio decoded = deserializer.decode(record(1, KEY, null));
    assertEquals(RejectReason.DECODE_FAILED, decoded.rejectCode());
    assertTrue(decoded.rejectReason().contains("tombstone"));
  }

  @Test
  void decodedButInvalidChunkIsRejectedWithTheValidatorsReasonAndStreamId() throws IOException {
    AudioChunk chunk = TestStreams.toAvro(TestStreams.stream("s", 1, false).get(0));
    chunk.setSampleRate(48_000);
    byte[] value = serializer.serialize(TOPIC, chunk);
    DecodedAudio decoded = deserializer.decode(record(5, KEY, value));
    assertEquals(RejectReason.BAD_SAMPLE_RATE, decoded.rejectCode());
    assertEquals("s", decoded.streamId());
    assertArrayEquals(value, decoded.originalValue());
  }

  @Test
  void emitsExactlyOneValuePerRecord() throws IOException {
    List<DecodedAudio> out = new ArrayList<>();
    Collector<DecodedAudio> collector =
        new Collector<>() {
          @Override
          public void collect(DecodedAudio record) {
            out.add(record);
          }

          @Override
          public void close() {}
        };
    deserializer.deserialize(record(1, KEY, new byte[] {1, 2, 3}), collector);
    deserializer.deserialize(record(2, null, null), collector);
    assertEquals(2, out.size());
  }

  @Test
  void unreachableRegistryFailsTheSourceInsteadOfDeadLetteringEverything() throws IOException {
    byte[] value =
        serializer.serialize(TOPIC, TestStreams.toAvro(TestStreams.stream("s", 1, false).get(0)));
    String url = registry.url();
    registry.close();
    AudioRecordDeserializer fresh = new AudioRecordDeserializer(url, ChunkLimits.defaults());
    IOException e = assertThrows(IOException.class, () -> fresh.decode(record(1, KEY, value)));
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }
}
