package io.livesubs.jobs.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class KafkaEndpointsTest {

  @Test
  void cueKeyIsTheStreamId() {
    SubtitleCue cue =
        SubtitleCue.newBuilder()
            .setStreamId("live-7")
            .setLanguage("en")
            .setCueSeq(1)
            .setRevision(0)
            .setIsFinal(true)
            .setStartMs(0)
            .setEndMs(1000)
            .setLines(List.of("hello"))
            .setCaptureTimeMs(5)
            .build();
    assertArrayEquals(
        "live-7".getBytes(StandardCharsets.UTF_8), new KafkaEndpoints.CueKey().serialize(cue));
  }

  @Test
  void deadLetterKeyIsTheOriginalKeyOrNone() {
    DeadLetter.Builder letter =
        DeadLetter.newBuilder()
            .setSourceTopic("t")
            .setSourcePartition(0)
            .setSourceOffset(1)
            .setReason("r")
            .setTimeMs(2);
    ByteBuffer key = ByteBuffer.wrap(new byte[] {1, 2, 3});
    byte[] serialized = new KafkaEndpoints.DeadLetterKey().serialize(letter.setKey(key).build());
    assertArrayEquals(new byte[] {1, 2, 3}, serialized);
    assertEquals(0, key.position(), "the letter's key buffer is not consumed");
    assertNull(new KafkaEndpoints.DeadLetterKey().serialize(letter.setKey(null).build()));
  }

  @Test
  void endpointsBuildForBothGuarantees() {
    for (DeliveryGuarantee guarantee :
        List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE)) {
      LivesubsJobConfig config =
          LivesubsJobConfig.builder()
              .bootstrapServers("localhost:9092")
              .schemaRegistryUrl("http://localhost:8081")
              .deliveryGuarantee(guarantee)
              .build();
      assertEquals(
          Boundedness.CONTINUOUS_UNBOUNDED, KafkaEndpoints.audioSource(config).getBoundedness());
      assertNotNull(KafkaEndpoints.cueSink(config));
      assertNotNull(KafkaEndpoints.deadLetterSink(config));
    }
  }
}
