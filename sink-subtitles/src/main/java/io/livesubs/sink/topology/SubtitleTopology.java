package io.livesubs.sink.topology;

import io.livesubs.schemas.SubtitleCue;
import io.livesubs.sink.SubtitleConfig;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams topology of the subtitle service: the cue topic ({@code key = streamId}, value
 * = {@link SubtitleCue}) into one processor that keeps three changelogged key-value stores, so that
 * a restarted instance rebuilds the same timelines:
 *
 * <ul>
 *   <li>{@link #CUES_STORE}: {@code stream|lang|cueSeq} → current {@link StoredCue} (revisions
 *       collapsed);
 *   <li>{@link #CHANGES_STORE}: {@code stream|lang|changeSeq} → cue number (or -1 for the end of
 *       stream), one entry per cue at its latest change: the resumable event log of live push;
 *   <li>{@link #TIMELINES_STORE}: {@code stream|lang} → {@link TimelineState}.
 * </ul>
 *
 * All keys of a stream are co-partitioned with the topic key, so interactive queries route by
 * stream id. Serdes are explicit at every boundary. Stateless factory.
 */
public final class SubtitleTopology {

  /** Name of the source node. */
  public static final String SOURCE = "cue-source";

  /** Name of the processor node. */
  public static final String PROCESSOR = "timeline-processor";

  /** Current version of every cue. */
  public static final String CUES_STORE = "cues";

  /** Change index: one entry per cue, keyed by its latest change number. */
  public static final String CHANGES_STORE = "cue-changes";

  /** Per (stream, language) state. */
  public static final String TIMELINES_STORE = "timelines";

  private SubtitleTopology() {}

  /** Builds the topology without a change listener. */
  public static Topology build(Serde<SubtitleCue> cueSerde, SubtitleConfig cfg) {
    return build(cueSerde, cfg, CueChangeListener.NONE);
  }

  /**
   * Builds the topology.
   *
   * @param cueSerde serde of the cue topic's values (the registry-backed Avro serde)
   * @param cfg topic and store settings
   * @param listener told about every timeline change, on the stream thread
   */
  public static Topology build(
      Serde<SubtitleCue> cueSerde, SubtitleConfig cfg, CueChangeListener listener) {
    Objects.requireNonNull(cueSerde, "cueSerde");
    Objects.requireNonNull(cfg, "cfg");
    Objects.requireNonNull(listener, "listener");
    Topology topology = new Topology();
    topology.addSource(
        SOURCE, Serdes.String().deserializer(), cueSerde.deserializer(), cfg.inputTopic());
    topology.addProcessor(PROCESSOR, () -> new TimelineProcessor(listener), SOURCE);
    topology.addStateStore(store(CUES_STORE, JsonSerde.of(StoredCue.class), cfg), PROCESSOR);
    topology.addStateStore(store(CHANGES_STORE, Serdes.Long(), cfg), PROCESSOR);
    topology.addStateStore(
        store(TIMELINES_STORE, JsonSerde.of(TimelineState.class), cfg), PROCESSOR);
    return topology;
  }

  private static <V> StoreBuilder<?> store(String name, Serde<V> valueSerde, SubtitleConfig cfg) {
    KeyValueBytesStoreSupplier supplier =
        cfg.persistentStores()
            ? Stores.persistentKeyValueStore(name)
            : Stores.inMemoryKeyValueStore(name);
    // Changelogging is the default; stated here because restarts depend on it.
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), valueSerde)
        .withLoggingEnabled(java.util.Map.of());
  }
}
