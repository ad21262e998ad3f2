package io.livesubs.jobs.translation;

import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Adds translation to the job: stream configs → {@link TranslationPlanner} (with the source cues) →
 * {@link AsyncTranslateFunction} (ordered, bounded) → {@link TranslatedCueEmitter}. The source cues
 * do not pass through the engine; the caller unions the translated cues with them. Every operator
 * has a stable uid (the constants). Immutable; build the branch once per job.
 */
public final class TranslationBranch {

  /** Uid of the StreamConfig source. */
  public static final String STREAM_CONFIG_SOURCE_UID = "stream-config-source";

  /** Uid of the planner. */
  public static final String PLANNER_UID = "plan-translations";

  /** Uid of the async translation operator. */
  public static final String TRANSLATE_UID = "translate";

  /** Uid of the translated-cue shaping stage. */
  public static final String TRANSLATED_CAPTIONS_UID = "translated-captions";

  private final TranslationSettings settings;
  private final ShapingRules rules;
  private final TranslatorFactory engine;

  /** A branch with these settings, shaping by {@code rules}, translating with {@code engine}. */
  public TranslationBranch(
      TranslationSettings settings, ShapingRules rules, TranslatorFactory engine) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * The Kafka source of stream targets: the whole compacted topic from the earliest offset (the
   * latest record per stream wins; after a restore the source resumes from its checkpoint, which
   * matches the restored broadcast state).
   */
  public static KafkaSource<StreamTargets> kafkaSource(
      String bootstrapServers, String registryUrl, String groupId, TranslationSettings settings) {
    return KafkaSource.<StreamTargets>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(settings.streamsTopic())
        .setGroupId(groupId + "-stream-configs")
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new StreamTargetsDeserializer(registryUrl, settings.streamsTopic()))
        .setProperty("isolation.level", "read_committed")
        .build();
  }

  /**
   * Adds the branch to {@code env}, reading stream targets from {@code configs}.
   *
   * @param sourceCues the source cues (finals, partials, markers), any partitioning
   * @param configs the stream-target updates
   * @return the translated cues and their markers, every target timeline in order
   */
  public DataStream<SubtitleCue> translate(
      StreamExecutionEnvironment env,
      DataStream<SubtitleCue> sourceCues,
      Source<StreamTargets, ?, ?> configs) {
    // No watermarks: nothing downstream of the cue stages uses event time.
    DataStream<StreamTargets> updates =
        env.fromSource(configs, WatermarkStrategy.noWatermarks(), "stream configs")
            .uid(STREAM_CONFIG_SOURCE_UID)
            .name("stream configs");
    return translate(sourceCues, updates);
  }

  /**
   * Adds the branch after {@code sourceCues}, with stream targets from {@code updates}.
   *
   * @param sourceCues the source cues (finals, partials, markers), any partitioning
   * @param updates the stream-target updates (broadcast to every planner subtask)
   * @return the translated cues and their markers, every target timeline in order
   */
  public DataStream<SubtitleCue> translate(
      DataStream<SubtitleCue> sourceCues, DataStream<StreamTargets> updates) {
    BroadcastStream<StreamTargets> targets = updates.broadcast(TranslationPlanner.TARGETS);
    DataStream<TranslationRequest> requests =
        sourceCues
            .keyBy(SubtitleCue::getStreamId, Types.STRING)
            .connect(targets)
            .process(
                new TranslationPlanner(settings.defaultTargets(), settings.translatePartials()),
                TypeInformation.of(TranslationRequest.class))
            .uid(PLANNER_UID)
            .name("plan translations");
    DataStream<TranslatedPhrase> translated =
        AsyncDataStream.orderedWait(
                requests,
                new AsyncTranslateFunction(
                    engine, settings.threads(), settings.capacity(), settings.maxBatch()),
                settings.timeout().toMillis(),
                TimeUnit.MILLISECONDS,
                settings.capacity())
            .returns(TypeInformation.of(TranslatedPhrase.class))
            .uid(TRANSLATE_UID)
            .name("translate (" + engine.id() + ")");
    return translated
        .keyBy(TranslatedPhrase::timelineKey, Types.STRING)
        .process(new TranslatedCueEmitter(rules), new AvroSpecificTypeInfo<>(SubtitleCue.class))
        .uid(TRANSLATED_CAPTIONS_UID)
        .name("shape translated captions");
  }
}
