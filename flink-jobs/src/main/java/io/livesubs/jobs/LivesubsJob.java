package io.livesubs.jobs;

import io.livesubs.jobs.kafka.KafkaEndpoints;
import io.livesubs.jobs.ordering.ChunkSequencer;
import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.source.AudioWatermarks;
import io.livesubs.jobs.source.DeadLetterRouter;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The livesubs Flink job: audio chunks from Kafka to subtitle cues on Kafka.
 *
 * <pre>
 * audio source (watermarks per partition: capture time, bounded out-of-orderness, idleness)
 *   → route dead letters ──side output──▶ dead-letter sink
 *   → keyBy(streamId) → order chunks by seq ({@link ChunkSequencer})
 *   → {@link #recognise} (VAD → ASR → captions; the next stages)
 *   → cue sink
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

  /** Uid of the cue sink. */
  public static final String CUE_SINK_UID = "cue-sink";

  private final LivesubsJobConfig config;
  private final Source<DecodedAudio, ?, ?> audioSource;
  private final Sink<DeadLetter> deadLetterSink;
  private final Sink<SubtitleCue> cueSink;

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
    this.config = Objects.requireNonNull(config, "config");
    this.audioSource = Objects.requireNonNull(audioSource, "audioSource");
    this.deadLetterSink = Objects.requireNonNull(deadLetterSink, "deadLetterSink");
    this.cueSink = Objects.requireNonNull(cueSink, "cueSink");
  }

  /** The job on the Kafka topics and schema registry named in {@code config}. */
  public static LivesubsJob onKafka(LivesubsJobConfig config) {
    return new LivesubsJob(
        config,
        KafkaEndpoints.audioSource(config),
        KafkaEndpoints.deadLetterSink(config),
        KafkaEndpoints.cueSink(config));
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
   * Applies checkpointing and parallelism from the configuration. Checkpoints are always
   * exactly-once for state; the sinks' guarantee is separate ({@link
   * LivesubsJobConfig#deliveryGuarantee()}).
   */
  public void configure(StreamExecutionEnvironment env) {
    env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    if (config.parallelism() > 0) {
      env.setParallelism(config.parallelism());
    }
  }

  /** Adds the whole topology, source to cue sink, to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    recognise(orderedAudio(env)).sinkTo(cueSink).uid(CUE_SINK_UID).name("cues to Kafka");
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
        .process(new ChunkSequencer(config.sequencer()))
        .uid(ORDERING_UID)
        .name("order chunks by seq");
  }

  /**
   * The next stages: from ordered audio to cues (VAD → ASR → caption shaping → translation). Not
   * wired yet: until it is, this throws rather than produce made-up cues. Override it, or replace
   * this body, to add the stages; keep a {@code uid} and {@code name} on every stateful operator.
   *
   * @param ordered each stream's audio in seq order, keyed by stream id
   * @return the cues to write to the cue topic
   * @throws UnsupportedOperationException until the recognition stages exist
   */
  protected DataStream<SubtitleCue> recognise(DataStream<OrderedAudio> ordered) {
    throw new UnsupportedOperationException(
        "the recognition stages (VAD -> ASR -> captions) are not wired into LivesubsJob yet");
  }
}
