package io.livesubs.jobs;

import io.livesubs.jobs.ordering.SequencerSettings;
import io.livesubs.jobs.source.AudioWatermarks;
import io.livesubs.jobs.source.ChunkLimits;
import io.livesubs.jobs.speech.VadSettings;
import io.livesubs.jobs.translation.TranslationSettings;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Everything the livesubs job needs to know to run. Immutable; build it with {@link #builder},
 * which fills in defaults, and the canonical constructor validates, naming the bad setting.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}; required
 * @param schemaRegistryUrl schema registry base URL; required
 * @param audioTopic topic of {@code AudioChunk}s, default {@link Topics#AUDIO}
 * @param cueTopic topic of {@code SubtitleCue}s, default {@link Topics#CUES}
 * @param deadLetterTopic topic of {@code DeadLetter}s, default {@link Topics#AUDIO_DLQ}
 * @param groupId Kafka consumer group of the audio source, default {@code livesubs-job}
 * @param outOfOrderness watermark bound, default {@link AudioWatermarks#DEFAULT_OUT_OF_ORDERNESS}
 * @param idleness partition idleness, default {@link AudioWatermarks#DEFAULT_IDLENESS}
 * @param deliveryGuarantee of the Kafka sinks: AT_LEAST_ONCE (default) or EXACTLY_ONCE
 * @param transactionalIdPrefix prefix of the sinks' transactional ids (EXACTLY_ONCE only); must be
 *     unique per job on the cluster, default {@code livesubs-job}
 * @param checkpointInterval default 2 s. With EXACTLY_ONCE, cues become visible to read-committed
 *     consumers only when a checkpoint completes, so the interval adds directly to caption latency;
 *     the job's state is small (a bounded reorder buffer per stream), so frequent checkpoints are
 *     cheap. With AT_LEAST_ONCE it bounds what is replayed after a failure.
 * @param parallelism job parallelism, or 0 for the environment's default
 * @param chunkLimits what an acceptable audio chunk is
 * @param sequencer limits of the ordering stage
 * @param recognition settings of the recognition stages (VAD, ASR, caption shaping); the chunk
 *     limits must accept only the VAD's sample rate (16 kHz)
 * @param translation settings of the translation branch (off by default); see {@link
 *     TranslationSettings} for its option keys
 */
public record LivesubsJobConfig(
    String bootstrapServers,
    String schemaRegistryUrl,
    String audioTopic,
    String cueTopic,
    String deadLetterTopic,
    String groupId,
    Duration outOfOrderness,
    Duration idleness,
    DeliveryGuarantee deliveryGuarantee,
    String transactionalIdPrefix,
    Duration checkpointInterval,
    int parallelism,
    ChunkLimits chunkLimits,
    SequencerSettings sequencer,
    RecognitionSettings recognition,
    TranslationSettings translation) {

  /** Shortest accepted checkpoint interval. */
  public static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(100);

  /** Validates every setting. */
  public LivesubsJobConfig {
    requireText("bootstrapServers", bootstrapServers);
    for (String server : bootstrapServers.split(",")) {
      if (!server.trim().matches("[^:\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "bootstrapServers entry '" + server.trim() + "' is not host:port");
      }
    }
    schemaRegistryUrl = CachedSchemaRegistryClient.checkUrl(schemaRegistryUrl);
    requireText("audioTopic", audioTopic);
    requireText("cueTopic", cueTopic);
    requireText("deadLetterTopic", deadLetterTopic);
    if (audioTopic.equals(cueTopic)
        || audioTopic.equals(deadLetterTopic)
        || cueTopic.equals(deadLetterTopic)) {
      throw new IllegalArgumentException(
          "audio, cue and dead-letter topics must differ, got "
              + audioTopic
              + ", "
              + cueTopic
              + ", "
              + deadLetterTopic);
    }
    requireText("groupId", groupId);
    if (outOfOrderness == null || outOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "outOfOrderness must be zero or positive, got " + outOfOrderness);
    }
    if (idleness == null || idleness.isNegative() || idleness.isZero()) {
      throw new IllegalArgumentException("idleness must be positive, got " + idleness);
    }
    if (deliveryGuarantee != DeliveryGuarantee.AT_LEAST_ONCE
        && deliveryGuarantee != DeliveryGuarantee.EXACTLY_ONCE) {
      throw new IllegalArgumentException(
          "deliveryGuarantee must be AT_LEAST_ONCE or EXACTLY_ONCE, got " + deliveryGuarantee);
    }
    if (checkpointInterval == null || checkpointInterval.compareTo(MIN_CHECKPOINT_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "checkpointInterval must be at least "
              + MIN_CHECKPOINT_INTERVAL
              + ", got "
              + checkpointInterval);
    }
    if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      requireText("transactionalIdPrefix (required for EXACTLY_ONCE)", transactionalIdPrefix);
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException(
          "parallelism must be >= 1, or 0 for the default, got " + parallelism);
    }
    Objects.requireNonNull(chunkLimits, "chunkLimits");
    Objects.requireNonNull(sequencer, "sequencer");
    Objects.requireNonNull(recognition, "recognition");
    Objects.requireNonNull(translation, "translation");
    if (chunkLimits.sampleRateHz() != VadSettings.sampleRate()) {
      throw new IllegalArgumentException(
          "chunkLimits.sampleRateHz must be "
              + VadSettings.sampleRate()
              + " (the rate of the VAD and ASR models), got "
              + chunkLimits.sampleRateHz());
    }
  }

  /** A builder with every default filled in; bootstrap servers and registry URL are required. */
  public static Builder builder() {
    return new Builder();
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty");
    }
  }

  /** Builds a {@link LivesubsJobConfig}; not thread-safe. */
  public static final class Builder {
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private String audioTopic = Topics.AUDIO;
    private String cueTopic = Topics.CUES;
    private String deadLetterTopic = Topics.AUDIO_DLQ;
    private String groupId = "livesubs-job";
    private Duration outOfOrderness = AudioWatermarks.DEFAULT_OUT_OF_ORDERNESS;
    private Duration idleness = AudioWatermarks.DEFAULT_IDLENESS;
    // TODO(lead): README rationale for AT_LEAST_ONCE as the default (cues are idempotent by
    // (streamId, language, cueSeq, revision), so duplicates are harmless and latency is lower).
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    private String transactionalIdPrefix = "livesubs-job";
    private Duration checkpointInterval = Duration.ofSeconds(2);
    private int parallelism;
    private ChunkLimits chunkLimits = ChunkLimits.defaults();
    private SequencerSettings sequencer = SequencerSettings.defaults();
    private RecognitionSettings recognition = RecognitionSettings.defaults();
    private final Map<String, String> recognitionOptions = new HashMap<>();
    private TranslationSettings translation = TranslationSettings.defaults();
    private final Map<String, String> translationOptions = new HashMap<>();

    private Builder() {}

    /** Kafka bootstrap servers, {@code host:port[,host:port...]}. */
    public Builder bootstrapServers(String value) {
      this.bootstrapServers = value;
      return this;
    }

    /** Schema registry base URL. */
    public Builder schemaRegistryUrl(String value) {
      this.schemaRegistryUrl = value;
      return this;
    }

    /** Topic to read audio chunks from. */
    public Builder audioTopic(String value) {
      this.audioTopic = value;
      return this;
    }

    /** Topic to write cues to. */
    public Builder cueTopic(String value) {
      this.cueTopic = value;
      return this;
    }

    /** Topic to write dead letters to. */
    public Builder deadLetterTopic(String value) {
      this.deadLetterTopic = value;
      return this;
    }

    /** Consumer group of the audio source. */
    public Builder groupId(String value) {
      this.groupId = value;
      return this;
    }

    /** Watermark out-of-orderness bound. */
    public Builder outOfOrderness(Duration value) {
      this.outOfOrderness = value;
      return this;
    }

    /** Partition idleness timeout. */
    public Builder idleness(Duration value) {
      this.idleness = value;
      return this;
    }

    /** Delivery guarantee of the Kafka sinks. */
    public Builder deliveryGuarantee(DeliveryGuarantee value) {
      this.deliveryGuarantee = value;
      return this;
    }

    /** Prefix of the Kafka sinks' transactional ids. */
    public Builder transactionalIdPrefix(String value) {
      this.transactionalIdPrefix = value;
      return this;
    }

    /** Checkpoint interval. */
    public Builder checkpointInterval(Duration value) {
      this.checkpointInterval = value;
      return this;
    }

    /** Parallelism, or 0 for the environment's default. */
    public Builder parallelism(int value) {
      this.parallelism = value;
      return this;
    }

    /** Limits on audio chunks. */
    public Builder chunkLimits(ChunkLimits value) {
      this.chunkLimits = value;
      return this;
    }

    /** Limits of the ordering stage. */
    public Builder sequencer(SequencerSettings value) {
      this.sequencer = value;
      return this;
    }

    /** Settings of the recognition stages (default {@link RecognitionSettings#defaults()}). */
    public Builder recognition(RecognitionSettings value) {
      this.recognition = value;
      return this;
    }

    /**
     * Sets one recognition option by key (see {@link RecognitionOptions}); options are applied on
     * top of {@link #recognition(RecognitionSettings)} and checked in {@link #build()}.
     */
    public Builder recognitionOption(String key, String value) {
      if (key == null || key.isBlank() || value == null) {
        throw new IllegalArgumentException(
            "recognition option needs a key and a value, got " + key + "=" + value);
      }
      recognitionOptions.put(key.strip(), value);
      return this;
    }

    /** Settings of the translation branch (default {@link TranslationSettings#defaults()}). */
    public Builder translation(TranslationSettings value) {
      this.translation = value;
      return this;
    }

    /**
     * Sets one translation option by key (see {@link TranslationSettings}); options are applied on
     * top of {@link #translation(TranslationSettings)} and checked in {@link #build()}.
     */
    public Builder translationOption(String key, String value) {
      if (key == null || key.isBlank() || value == null) {
        throw new IllegalArgumentException(
            "translation option needs a key and a value, got " + key + "=" + value);
      }
      translationOptions.put(key.strip(), value);
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the first bad or missing setting
     */
    public LivesubsJobConfig build() {
      return new LivesubsJobConfig(
          bootstrapServers,
          schemaRegistryUrl,
          audioTopic,
          cueTopic,
          deadLetterTopic,
          groupId,
          outOfOrderness,
          idleness,
          deliveryGuarantee,
          transactionalIdPrefix,
          checkpointInterval,
          parallelism,
          chunkLimits,
          sequencer,
          recognition == null ? null : recognition.withOptions(recognitionOptions),
          translation == null ? null : translation.withOptions(translationOptions));
    }
  }
}
