package io.livesubs.sink.testing;

import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.serde.AvroDeserializer;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.query.TimelineDocuments;
import io.livesubs.sink.query.TimelineQueries;
import io.livesubs.sink.query.TimelineStores;
import io.livesubs.sink.topology.CueChangeListener;
import io.livesubs.sink.topology.StoredCue;
import io.livesubs.sink.topology.SubtitleTopology;
import io.livesubs.sink.topology.TimelineState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology in a {@link TopologyTestDriver}, fed through the registry-backed Avro serde
 * with an in-process {@link DevSchemaRegistry}. Closes everything it started.
 */
public final class TopologyHarness implements AutoCloseable {

  private final DevSchemaRegistry registry;
  private final CachedSchemaRegistryClient client;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, SubtitleCue> input;
  private final SubtitleConfig config;

  public TopologyHarness(Path stateDir, SubtitleConfig config, CueChangeListener listener)
      throws IOException {
    this.config = config;
    this.registry = new DevSchemaRegistry().start();
    this.client = CachedSchemaRegistryClient.forUrl(registry.url());
    Serde<SubtitleCue> serde =
        Serdes.serdeFrom(
            new AvroSerializer<>(client, SubtitleCue.class),
            new AvroDeserializer<>(client, SubtitleCue.class));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "subtitles-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    this.driver = new TopologyTestDriver(SubtitleTopology.build(serde, config, listener), props);
    this.input =
        driver.createInputTopic(
            config.inputTopic(), Serdes.String().serializer(), serde.serializer());
  }

  public TopologyHarness(Path stateDir) throws IOException {
    this(stateDir, SubtitleConfig.defaults(), CueChangeListener.NONE);
  }

  /** Pipes cues keyed by their stream id. */
  public void pipe(SubtitleCue... cues) {
    for (SubtitleCue cue : cues) {
      input.pipeInput(cue.getStreamId().toString(), cue);
    }
  }

  /** Pipes a record with an explicit key. */
  public void pipe(String key, SubtitleCue cue) {
    input.pipeInput(key, cue);
  }

  public TimelineStores stores() {
    return TimelineStores.of(
        driver.<String, StoredCue>getKeyValueStore(SubtitleTopology.CUES_STORE),
        driver.<String, Long>getKeyValueStore(SubtitleTopology.CHANGES_STORE),
        driver.<String, TimelineState>getKeyValueStore(SubtitleTopology.TIMELINES_STORE));
  }

  public TimelineQueries queries() {
    return new TimelineQueries(stores());
  }

  public TimelineDocuments documents() {
    return new TimelineDocuments(queries(), config);
  }

  public SubtitleConfig config() {
    return config;
  }

  @Override
  public void close() {
    driver.close();
    client.close();
    registry.close();
  }
}
