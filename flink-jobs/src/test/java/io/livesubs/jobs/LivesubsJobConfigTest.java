package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.Topics;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class LivesubsJobConfigTest {

  private static LivesubsJobConfig.Builder minimal() {
    return LivesubsJobConfig.builder()
        .bootstrapServers("localhost:9092")
        .schemaRegistryUrl("http://localhost:8081");
  }

  @Test
  void defaultsAreFilledIn() {
    LivesubsJobConfig config = minimal().build();
    assertEquals(Topics.AUDIO, config.audioTopic());
    assertEquals(Topics.CUES, config.cueTopic());
    assertEquals(Topics.AUDIO_DLQ, config.deadLetterTopic());
    assertEquals(Duration.ofSeconds(2), config.outOfOrderness());
    assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, config.deliveryGuarantee());
    assertEquals(Duration.ofSeconds(2), config.checkpointInterval());
    assertEquals(0, config.parallelism());
    assertEquals(256, config.sequencer().maxBufferedChunks());
    assertEquals(16_000, config.chunkLimits().sampleRateHz());
  }

  @Test
  void modelOptionsAreCopiedAndImmutable() {
    LivesubsJobConfig.Builder builder = minimal().modelOption("asr.engine", "vosk");
    LivesubsJobConfig config = builder.build();
    builder.modelOption("asr.engine", "whisper");
    assertEquals("vosk", config.modelOptions().get("asr.engine"));
    assertThrows(UnsupportedOperationException.class, () -> config.modelOptions().put("a", "b"));
  }

  @Test
  void eachBadSettingIsNamed() {
    assertBad(b -> b.bootstrapServers(null), "bootstrapServers");
    assertBad(b -> b.bootstrapServers("localhost"), "localhost");
    assertBad(b -> b.schemaRegistryUrl("not a url"), "");
    assertBad(b -> b.cueTopic(Topics.AUDIO), "must differ");
    assertBad(b -> b.groupId(" "), "groupId");
    assertBad(b -> b.outOfOrderness(Duration.ofSeconds(-1)), "outOfOrderness");
    assertBad(b -> b.idleness(Duration.ZERO), "idleness");
    assertBad(b -> b.deliveryGuarantee(DeliveryGuarantee.NONE), "deliveryGuarantee");
    assertBad(b -> b.checkpointInterval(Duration.ofMillis(10)), "checkpointInterval");
    assertBad(b -> b.parallelism(-2), "parallelism");
    assertBad(
        b -> b.deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).transactionalIdPrefix(""),
        "transactionalIdPrefix");
  }

  @Test
  void exactlyOnceWithAPrefixIsAccepted() {
    LivesubsJobConfig config =
        minimal()
            .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .transactionalIdPrefix("job-a")
            .build();
    assertEquals("job-a", config.transactionalIdPrefix());
  }

  private static void assertBad(UnaryOperator<LivesubsJobConfig.Builder> change, String named) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> change.apply(minimal()).build());
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }
}
