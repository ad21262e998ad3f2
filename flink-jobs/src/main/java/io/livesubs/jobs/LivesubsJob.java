package io.livesubs.jobs;

import io.livesubs.jobs.cues.CueEmitter;
import io.livesubs.jobs.kafka.KafkaEndpoints;
import io.livesubs.jobs.ordering.ChunkSequencer;
import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.source.AudioWatermarks;
import io.livesubs.jobs.source.DeadLetterRouter;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.speech.AsrSettings;
import io.livesubs.jobs.speech.Recognition;
import io.livesubs.jobs.speech.SpeechAudio;
import io.livesubs.jobs.speech.SpeechDetector;
import io.livesubs.jobs.speech.SpeechRecognizer;
import io.livesubs.jobs.speech.whisper.WhisperRecognition;
import io.livesubs.jobs.translation.StreamTargets;
import io.livesubs.jobs.translation.TranslationBranch;
import io.livesubs.jobs.translation.TranslatorFactory;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.flink.AvroSpecificTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The livesubs Flink job: audio chunks from Kafka to subtitle cues on Kafka.
 *
 * <pre>
 * audio source (watermarks per partition: capture time, bounded out-of-orderness, idleness)
 *   → route dead letters ──side output──▶ dead-letter sink
 *   → keyBy(streamId) → order chunks by seq ({@link ChunkSequencer})
 *   → {@link #recognise}: detect speech ({@link SpeechDetector}) → recognise speech ({@link
 *     SpeechRecognizer}) → shape captions ({@link CueEmitter}), each keyed by stream id
 *   → cue sink, together with, when translation is on ({@link TranslationBranch}):
 *     stream configs (broadcast) + source cues → plan translations → translate (async, ordered)
 *     → shape translated captions
 * </pre>
 *
 * <p>The job is given its source and sinks, so tests can run it on other ones; {@link
 * #onKafka(LivesubsJobConfig)} wires the production Kafka endpoints. Every operator has a stable
 * uid (the constants below) so that savepoints survive topology changes. Not thread-safe; build a
 * job once.
 */
public class LivesubsJob {

  /** Uid of the audio source. */
  public static final String SOURCE_UID = "audio-source";

  /** Uid of the dead-letter router. */
  public static final String ROUTER_UID = "route-dead-letters";

  /** Uid of the dead-letter sink. */
  public static final String DEAD_LETTER_SINK_UID = "dead-letter-sink";

  /** Uid of the ordering stage ({@link ChunkSequencer}). */
  public static final String ORDERING_UID = "ordering";

  /** Uid of the speech detection stage ({@link SpeechDetector}). */
  public static final String VAD_UID = "vad";

  /** Uid of the speech recognition stage ({@link SpeechRecognizer}). */
  public static final String ASR_UID = "asr";

  /** Uid of the caption stage ({@link CueEmitter}). */
  public static final String CAPTIONS_UID = "captions";

  /** Uid of the cue sink. */
  public static final String CUE_SINK_UID = "cue-sink";

  /**
   * Longest time a record waits in a partly filled network buffer (Flink's default: 100 ms). Audio
   * records are few and large (one per 100-200 ms chunk and stream), so buffers rarely fill and the
   * timeout, not the buffer size, decides when a chunk moves on: a short one takes up to 100 ms off
   * every cue's latency for a few more flushes per second.
   */
  public static final long BUFFER_TIMEOUT_MS = 5;

  private final LivesubsJobConfig config;
  private final Source<DecodedAudio, ?, ?> audioSource;
  private final Sink<DeadLetter> deadLetterSink;
  private final Sink<SubtitleCue> cueSink;
  private final Source<StreamTargets, ?, ?> streamTargets;

  /**
   * A job reading {@code audioSource} and writing to the given sinks.
   *
   * @param config settings (watermarks, ordering, checkpointing, parallelism)
   * @param audioSource decoded audio records, one per Kafka record
   * @param deadLetterSink where rejected records go
   * @param cueSink where cues go
   */
  public LivesubsJob(
      LivesubsJobConfig config,
      Source<DecodedAudio, ?, ?> audioSource,
      Sink<DeadLetter> deadLetterSink,
      Sink<SubtitleCue> cueSink) {
    this(config, audioSource, deadLetterSink, cueSink, null);
  }

  /**
   * A job that also translates when {@code config.translation().enabled()}, taking each stream's
   * targets from {@code streamTargets}.
   *
   * @param streamTargets stream-target updates, or null for no translation whatever the config
   */
  public LivesubsJob(
      LivesubsJobConfig config,
      Source<DecodedAudio, ?, ?> audioSource,
      Sink<DeadLetter> deadLetterSink,
      Sink<SubtitleCue> cueSink,
      Source<StreamTargets, ?, ?> streamTargets) {
    this.config = Objects.requireNonNull(config, "config");
    this.audioSource = Objects.requireNonNull(audioSource, "audioSource");
    this.deadLetterSink = Objects.requireNonNull(deadLetterSink, "deadLetterSink");
    this.cueSink = Objects.requireNonNull(cueSink, "cueSink");
    this.streamTargets = streamTargets;
  }

  /** The job on the Kafka topics and schema registry named in {@code config}. */
  public static LivesubsJob onKafka(LivesubsJobConfig config) {
    return new LivesubsJob(
        config,
        KafkaEndpoints.audioSource(config),
        KafkaEndpoints.deadLetterSink(config),
        KafkaEndpoints.cueSink(config),
        config.translation().enabled()
            ? TranslationBranch.kafkaSource(
                config.bootstrapServers(),
                config.schemaRegistryUrl(),
                config.groupId(),
                config.translation())
            : null);
  }

  /** The job's configuration. */
  public LivesubsJobConfig config() {
    return config;
  }

  /** Configures, builds and runs the job in the current execution environment; blocks. */
  public JobExecutionResult execute() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    configure(env);
    build(env);
    return env.execute("livesubs");
  }

  /**
   * Applies checkpointing and parallelism from the configuration, and the {@linkplain
   * #BUFFER_TIMEOUT_MS network buffer timeout}. Checkpoints are always exactly-once for state; the
   * sinks' guarantee is separate ({@link LivesubsJobConfig#deliveryGuarantee()}).
   */
  public void configure(StreamExecutionEnvironment env) {
    env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    env.setBufferTimeout(BUFFER_TIMEOUT_MS);
    if (config.parallelism() > 0) {
      env.setParallelism(config.parallelism());
    }
  }

  /** Adds the whole topology, source to cue sink, to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    DataStream<SubtitleCue> cues = recognise(orderedAudio(env));
    if (streamTargets != null && config.translation().enabled()) {
      cues =
          cues.union(
              new TranslationBranch(
                      config.translation(),
                      config.recognition().shaping(),
                      TranslatorFactory.of(config.translation()))
                  .translate(env, cues, streamTargets));
    }
    cues.sinkTo(cueSink).uid(CUE_SINK_UID).name("cues to Kafka");
  }

  /**
   * Adds the front half to {@code env}: source, dead-letter routing (with its sink) and ordering.
   *
   * @return each stream's audio in seq order with gaps and end markers, keyed by stream id
   */
  public DataStream<OrderedAudio> orderedAudio(StreamExecutionEnvironment env) {
    SingleOutputStreamOperator<PcmChunk> accepted =
        env.fromSource(
                audioSource,
                AudioWatermarks.strategy(config.outOfOrderness(), config.idleness()),
                "audio chunks")
            .uid(SOURCE_UID)
            .process(new DeadLetterRouter())
            .uid(ROUTER_UID)
            .name("route dead letters");
    accepted
        .getSideOutput(DeadLetterRouter.DEAD_LETTERS)
        .sinkTo(deadLetterSink)
        .uid(DEAD_LETTER_SINK_UID)
        .name("dead letters to Kafka");
    return accepted
        .keyBy(PcmChunk::streamId, Types.STRING)
        .process(new ChunkSequencer(config.sequencer(), config.outOfOrderness()))
        .uid(ORDERING_UID)
        .name("order chunks by seq");
  }

  /**
   * The recognition stages, from ordered audio to cues: speech detection, speech recognition and
   * caption shaping, each a keyed operator with its own uid. All are keyed by stream id, as the
   * ordering stage is, so with Vosk they run chained on the ordering stage's task ({@link
   * #alreadyKeyed}): no shuffle, no serialisation, no network buffer between stages (the web UI
   * shows them as one box). Every stage works synchronously on its task thread: a slow model
   * backpressures the source, and nothing queues without bound. Models are loaded on the task
   * managers when the operators open. Override to add stages (translation); keep a {@code uid} and
   * {@code name} on every stateful operator.
   *
   * <p>Savepoints: state maps to operators by uid, and the uids did not change when the stages were
   * chained (they used to be separate tasks joined by {@code keyBy}); savepoints taken before that
   * should still restore, but this has not been tested.
   *
   * @param ordered each stream's audio in seq order, as {@link #orderedAudio} returns it (the
   *     output of the keyed ordering stage: the recognition stages rely on its partitioning)
   * @return the cues to write to the cue topic
   */
  protected DataStream<SubtitleCue> recognise(DataStream<OrderedAudio> ordered) {
    RecognitionSettings settings = config.recognition();
    DataStream<SpeechAudio> speech =
        alreadyKeyed(ordered, OrderedAudio::streamId)
            .process(new SpeechDetector(settings.vad()), TypeInformation.of(SpeechAudio.class))
            .uid(VAD_UID)
            .name("detect speech (Silero VAD)");
    // Whisper decodes windows asynchronously and batched across streams (WhisperRecognition).
    boolean whisper = settings.asr().engine() == AsrSettings.Engine.WHISPER;
    DataStream<Recognition> recognitions =
        whisper
            ? WhisperRecognition.recognise(speech, settings.asr())
            : alreadyKeyed(speech, SpeechAudio::streamId)
                .process(
                    new SpeechRecognizer(settings.asr()), TypeInformation.of(Recognition.class))
                .uid(ASR_UID)
                .name("recognise speech (" + settings.asr().engine().id() + ")");
    KeyedStream<Recognition, String> byStream =
        whisper
            ? recognitions.keyBy(Recognition::streamId, Types.STRING)
            : alreadyKeyed(recognitions, Recognition::streamId);
    return byStream
        .process(
            new CueEmitter(settings.shaping(), settings.commit()),
            new AvroSpecificTypeInfo<>(SubtitleCue.class))
        .uid(CAPTIONS_UID)
        .name("shape captions");
  }

  /**
   * {@code stream} as the keyed stream it already is. Only for the output of a keyed operator of
   * this job that emits records of its current key only, at the job's parallelism: its records are
   * then exactly where {@code keyBy} would send them, so the next keyed stage runs chained on the
   * same task, with no serialisation, network buffer or shuffle in between.
   */
  private static <T> KeyedStream<T, String> alreadyKeyed(
      DataStream<T> stream, KeySelector<T, String> key) {
    return DataStreamUtils.reinterpretAsKeyedStream(stream, key, Types.STRING);
  }
}
