package io.livesubs.jobs.cli;

import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command-line options of the livesubs Flink job, shared by {@code livesubs job} and the job
 * jar's {@link io.livesubs.jobs.LivesubsJobMain}: where Kafka and the schema registry are, the
 * delivery guarantee, parallelism, checkpointing, watermarks and the settings of the recognition
 * stages. Use it as a picocli {@code @Mixin}; {@link #toConfig} turns it into a validated {@link
 * LivesubsJobConfig}. Options left out keep the defaults of {@link LivesubsJobConfig#builder()}.
 * Filled in by picocli, then read once; not thread-safe.
 */
public final class JobOptions {

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "localhost:9092",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = {"--schema-registry", "--schema-registry-url"},
      defaultValue = "http://localhost:8085",
      paramLabel = "URL",
      description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
  String schemaRegistry;

  @Option(
      names = "--delivery",
      defaultValue = "at-least-once",
      converter = DeliveryConverter.class,
      paramLabel = "GUARANTEE",
      description =
          "exactly-once (cues visible to read_committed consumers when a checkpoint completes)"
              + " or at-least-once (lower latency; duplicates are harmless, cues are idempotent)."
              + " Default: ${DEFAULT-VALUE}.")
  DeliveryGuarantee delivery;

  @Option(
      names = "--parallelism",
      defaultValue = "0",
      paramLabel = "N",
      description = "Job parallelism (default: the cluster's default parallelism).")
  int parallelism;

  @Option(
      names = "--checkpoint-interval",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "Checkpoint interval, e.g. 2s or 500ms (default: 2s).")
  Duration checkpointInterval;

  @Option(
      names = "--out-of-orderness",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long the watermark waits for late chunks (default: the job's).")
  Duration outOfOrderness;

  @Option(
      names = "--idleness",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "After this long without data a Kafka partition stops holding back watermarks.")
  Duration idleness;

  @Option(
      names = "--group-id",
      paramLabel = "ID",
      description = "Kafka consumer group of the audio source (default: livesubs-job).")
  String groupId;

  @Option(
      names = "--transactional-id-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of the Kafka transactional ids with exactly-once; unique per job.")
  String transactionalIdPrefix;

  @Option(
      names = "--audio-topic",
      paramLabel = "TOPIC",
      description = "Topic of audio chunks (default: " + Topics.AUDIO + ").")
  String audioTopic;

  @Option(
      names = "--cue-topic",
      paramLabel = "TOPIC",
      description = "Topic of subtitle cues (default: " + Topics.CUES + ").")
  String cueTopic;

  @Option(
      names = "--dead-letter-topic",
      paramLabel = "TOPIC",
      description = "Topic of rejected audio records (default: " + Topics.AUDIO_DLQ + ").")
  String deadLetterTopic;

  @Option(
      names = {"--recognition-option", "-R"},
      paramLabel = "KEY=VALUE",
      description =
          "A setting of the recognition stages, repeatable, e.g. -R asr.model-dir=DIR,"
              + " -R vad.start-threshold=0.6, -R captions.max-chars-per-line=37, -R"
              + " asr.partials=false, -R translation.enabled=true. Keys: vad.*, asr.*,"
              + " captions.*, translation.* (see docs/job.md).")
  Map<String, String> recognitionOptions = new LinkedHashMap<>();

  /**
   * The job configuration these options describe.
   *
   * @param cmd the command line, for error reporting
   * @throws ParameterException naming the bad option, so that the command exits with 2
   */
  public LivesubsJobConfig toConfig(CommandLine cmd) {
    if (parallelism < 0) {
      throw new ParameterException(cmd, "--parallelism must be at least 1, got " + parallelism);
    }
    LivesubsJobConfig.Builder b =
        LivesubsJobConfig.builder()
            .bootstrapServers(bootstrapServers == null ? null : bootstrapServers.strip())
            .schemaRegistryUrl(schemaRegistry == null ? null : schemaRegistry.strip())
            .deliveryGuarantee(delivery)
            .parallelism(parallelism);
    if (checkpointInterval != null) {
      b.checkpointInterval(checkpointInterval);
    }
    if (outOfOrderness != null) {
      b.outOfOrderness(outOfOrderness);
    }
    if (idleness != null) {
      b.idleness(idleness);
    }
    if (groupId != null) {
      b.groupId(groupId);
    }
    if (transactionalIdPrefix != null) {
      b.transactionalIdPrefix(transactionalIdPrefix);
    }
    if (audioTopic != null) {
      b.audioTopic(audioTopic);
    }
    if (cueTopic != null) {
      b.cueTopic(cueTopic);
    }
    if (deadLetterTopic != null) {
      b.deadLetterTopic(deadLetterTopic);
    }
    try {
      recognitionOptions.forEach(
          (key, value) -> {
            if (key.startsWith("translation.")) {
              b.translationOption(key, value);
            } else {
              b.recognitionOption(key, value);
            }
          });
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "invalid job settings: " + e.getMessage(), e);
    }
  }
}
