package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.cues.CommitPolicy;
import io.livesubs.jobs.cues.CommitSettings;
import io.livesubs.jobs.source.ChunkLimits;
import io.livesubs.jobs.speech.AsrSettings;
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
  void recognitionDefaultsAndOptionsOnTop() {
    LivesubsJobConfig defaults = minimal().build();
    assertEquals(RecognitionSettings.defaults(), defaults.recognition());
    assertEquals(AsrSettings.Engine.VOSK, defaults.recognition().asr().engine());
    assertEquals(500, defaults.recognition().vad().minSilenceMs());
    assertEquals(42, defaults.recognition().shaping().maxCharsPerLine());

    LivesubsJobConfig.Builder builder =
        minimal()
            .recognitionOption("vad.min-silence-ms", "400")
            .recognitionOption("vad.start-threshold", "0.6")
            .recognitionOption("asr.engine", "VOSK")
            .recognitionOption("asr.partials", "false")
            .recognitionOption("asr.model-dir", "/models/vosk")
            .recognitionOption("captions.max-lines", "1");
    LivesubsJobConfig config = builder.build();
    builder.recognitionOption("vad.min-silence-ms", "900");
    RecognitionSettings r = config.recognition();
    assertEquals(400, r.vad().minSilenceMs(), "the built config does not change later");
    assertEquals(0.6f, r.vad().startThreshold());
    assertEquals(false, r.asr().emitPartials());
    assertEquals("/models/vosk", r.asr().modelDir());
    assertEquals(1, r.shaping().maxLines());
    assertEquals(2, r.shaping().toBuilder().maxLines(2).build().maxLines());
  }

  @Test
  void commitPolicyDefaultsToAgreementAndIsConfigurable() {
    LivesubsJobConfig.Builder builder =
        LivesubsJobConfig.builder().bootstrapServers("k:9092").schemaRegistryUrl("http://r:1");
    assertEquals(CommitPolicy.AGREEMENT, builder.build().recognition().commit().policy());
    CommitSettings commit =
        builder
            .recognitionOption("asr.commit-policy", "segment")
            .recognitionOption("asr.commit-min-words", "5")
            .build()
            .recognition()
            .commit();
    assertEquals(CommitPolicy.SEGMENT, commit.policy());
    assertEquals(5, commit.minWords());
  }

  @Test
  void badRecognitionSettingsAreNamed() {
    assertBad(b -> b.recognitionOption("asr.commit-colour", "red"), "asr.commit-colour");
    assertBad(b -> b.recognitionOption("asr.commit-policy", "never"), "asr.commit-");
    assertBad(b -> b.recognitionOption("vad.colour", "red"), "vad.colour");
    assertBad(b -> b.recognitionOption("vad.min-silence-ms", "soon"), "vad.min-silence-ms");
    assertBad(b -> b.recognitionOption("vad.speech-pad-ms", "900"), "speechPadMs");
    assertBad(b -> b.recognitionOption("vad.start-threshold", "1.5"), "startThreshold");
    assertBad(b -> b.recognitionOption("asr.engine", "whisper"), "whisper");
    assertBad(b -> b.recognitionOption("asr.partials", "yes"), "asr.partials");
    assertBad(b -> b.recognitionOption("asr.partial-interval-ms", "-1"), "partialIntervalMs");
    assertBad(b -> b.recognitionOption("captions.max-lines", "0"), "maxLines");
    assertBad(
        b ->
            b.chunkLimits(
                new ChunkLimits(48_000, Duration.ofSeconds(1), 1 << 20, Duration.ofSeconds(1))),
        "sampleRateHz");
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
