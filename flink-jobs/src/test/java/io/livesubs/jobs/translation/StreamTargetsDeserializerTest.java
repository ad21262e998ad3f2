package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livesubs.schemas.StreamConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class StreamTargetsDeserializerTest {

  private final StreamTargetsDeserializer deserializer =
      new StreamTargetsDeserializer("http://localhost:8081", "livesubs.streams");

  private List<StreamTargets> read(byte[] key, byte[] value) throws Exception {
    List<StreamTargets> out = new ArrayList<>();
    deserializer.deserialize(
        new ConsumerRecord<>("livesubs.streams", 0, 42L, key, value),
        new Collector<>() {
          @Override
          public void collect(StreamTargets record) {
            out.add(record);
          }

          @Override
          public void close() {}
        });
    return out;
  }

  @Test
  void aTombstoneResetsTheStreamNamedByTheKey() throws Exception {
    assertEquals(
        List.of(StreamTargets.resetToDefault("talk-1")),
        read("talk-1".getBytes(StandardCharsets.UTF_8), null));
  }

  @Test
  void aRecordWithoutKeyIsSkipped() throws Exception {
    assertEquals(List.of(), read(null, null));
  }

  @Test
  void aConfigBecomesItsDistinctTargets() {
    StreamConfig config =
        StreamConfig.newBuilder()
            .setStreamId("talk-1")
            .setTargetLanguages(List.of("es", "pt-BR", "es"))
            .build();
    assertEquals(
        StreamTargets.of("talk-1", "es", "pt-BR"),
        StreamTargetsDeserializer.toTargets("talk-1", config));
  }

  @Test
  void aMalformedTargetIsRejectedWithItsStream() {
    StreamConfig config =
        StreamConfig.newBuilder()
            .setStreamId("talk-1")
            .setTargetLanguages(List.of("spanish please"))
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StreamTargetsDeserializer.toTargets("talk-1", config));
    assertEquals(
        "targetLanguages of talk-1: 'spanish please' is not a BCP-47 language tag", e.getMessage());
  }
}
