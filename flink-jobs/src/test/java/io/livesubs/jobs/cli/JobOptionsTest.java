package io.livesubs.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.LivesubsJobConfig;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** {@link JobOptions} turn command-line options into the job's configuration. */
class JobOptionsTest {

  @Command(name = "test")
  static final class Holder {
    @Mixin JobOptions options;
  }

  private static LivesubsJobConfig parse(String... args) {
    Holder holder = new Holder();
    CommandLine cmd = new CommandLine(holder);
    cmd.parseArgs(args);
    return holder.options.toConfig(cmd);
  }

  @Test
  void withoutOptionsTheJobDefaultsApplyOnLocalhost() {
    LivesubsJobConfig config = parse();
    LivesubsJobConfig defaults =
        LivesubsJobConfig.builder()
            .bootstrapServers("localhost:9092")
            .schemaRegistryUrl("http://localhost:8085")
            .build();
    assertEquals(defaults, config);
  }

  @Test
  void everyOptionReachesTheConfiguration() {
    LivesubsJobConfig config =
        parse(
            "--bootstrap-servers", "k1:9092,k2:9093",
            "--schema-registry-url", "http://registry:8081",
            "--delivery", "exactly-once",
            "--parallelism", "3",
            "--checkpoint-interval", "500ms",
            "--out-of-orderness", "1.5s",
            "--idleness", "1m",
            "--group-id", "g",
            "--transactional-id-prefix", "tx",
            "--audio-topic", "a",
            "--cue-topic", "c",
            "--dead-letter-topic", "d");
    assertEquals("k1:9092,k2:9093", config.bootstrapServers());
    assertTrue(config.schemaRegistryUrl().startsWith("http://registry:8081"));
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, config.deliveryGuarantee());
    assertEquals(3, config.parallelism());
    assertEquals(Duration.ofMillis(500), config.checkpointInterval());
    assertEquals(Duration.ofMillis(1500), config.outOfOrderness());
    assertEquals(Duration.ofMinutes(1), config.idleness());
    assertEquals("g", config.groupId());
    assertEquals("tx", config.transactionalIdPrefix());
    assertEquals("a", config.audioTopic());
    assertEquals("c", config.cueTopic());
    assertEquals("d", config.deadLetterTopic());
  }

  @Test
  void translationKeysGoToTheTranslationSettings() {
    LivesubsJobConfig config =
        parse("-R", "translation.enabled=true", "-R", "translation.default-targets=es,ca");
    assertTrue(config.translation().enabled());
    assertEquals(java.util.List.of("es", "ca"), config.translation().defaultTargets());
    assertThrows(ParameterException.class, () -> parse("-R", "translation.colour=red"));
  }

  @Test
  void invalidCombinationsAreParameterErrorsNamingTheSetting() {
    ParameterException e =
        assertThrows(
            ParameterException.class, () -> parse("--audio-topic", "x", "--cue-topic", "x"));
    assertTrue(e.getMessage().contains("topics must differ"), e.getMessage());
    ParameterException interval =
        assertThrows(ParameterException.class, () -> parse("--checkpoint-interval", "10ms"));
    assertTrue(interval.getMessage().contains("checkpointInterval"), interval.getMessage());
    assertThrows(ParameterException.class, () -> parse("--bootstrap-servers", "no-port"));
  }

  @Test
  void unknownDeliveryIsRejectedNamingTheChoices() {
    ParameterException e =
        assertThrows(ParameterException.class, () -> parse("--delivery", "maybe-once"));
    assertTrue(e.getMessage().contains("exactly-once or at-least-once"), e.getMessage());
  }

  @Test
  void recognitionOptionsReachTheRecognitionSettings() {
    LivesubsJobConfig config =
        parse("-R", "captions.max-chars-per-line=37", "--recognition-option", "asr.partials=false");
    assertEquals(37, config.recognition().shaping().maxCharsPerLine());
    assertEquals(
        LivesubsJobConfig.builder()
            .bootstrapServers("localhost:9092")
            .schemaRegistryUrl("http://localhost:8085")
            .recognitionOption("asr.partials", "false")
            .build()
            .recognition()
            .asr(),
        config.recognition().asr());
  }

  @Test
  void anUnknownRecognitionOptionIsRejectedByName() {
    ParameterException e =
        assertThrows(ParameterException.class, () -> parse("-R", "vad.loudness=11"));
    assertTrue(e.getMessage().contains("vad.loudness"), e.getMessage());
  }
}
