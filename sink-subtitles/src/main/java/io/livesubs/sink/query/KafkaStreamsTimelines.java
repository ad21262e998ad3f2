package io.livesubs.sink.query;

import io.livesubs.sink.topology.StoredCue;
import io.livesubs.sink.topology.SubtitleTopology;
import io.livesubs.sink.topology.TimelineState;
import java.net.URI;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Stores and stream ownership from a running {@link KafkaStreams}: reads go through {@link
 * KafkaStreams#store} (interactive queries over this instance's active tasks), ownership through
 * {@link KafkaStreams#queryMetadataForKey} with the stream id (the cue topic's key, which all store
 * keys of a stream are co-partitioned with). Instances are told apart by their {@code
 * application.server} host and port. Does not own the {@link KafkaStreams}; thread-safe.
 */
public final class KafkaStreamsTimelines implements TimelineStores, StreamLocator {

  private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

  private final KafkaStreams streams;
  private final HostInfo self;

  /**
   * @param streams the Kafka Streams instance running {@link SubtitleTopology}
   * @param self this instance's {@code application.server}
   */
  public KafkaStreamsTimelines(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  @Override
  public ReadOnlyKeyValueStore<String, StoredCue> cues() {
    return store(SubtitleTopology.CUES_STORE);
  }

  @Override
  public ReadOnlyKeyValueStore<String, Long> changes() {
    return store(SubtitleTopology.CHANGES_STORE);
  }

  @Override
  public ReadOnlyKeyValueStore<String, TimelineState> timelines() {
    return store(SubtitleTopology.TIMELINES_STORE);
  }

  @Override
  public Location locate(String streamId) {
    KeyQueryMetadata metadata =
        streams.queryMetadataForKey(SubtitleTopology.CUES_STORE, streamId, KEY_SERIALIZER);
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      return Location.UNAVAILABLE;
    }
    HostInfo owner = metadata.activeHost();
    if (owner.equals(self)) {
      return Location.LOCAL;
    }
    return Location.remote(url(owner));
  }

  @Override
  public List<URI> peers() {
    return streams.metadataForAllStreamsClients().stream()
        .map(m -> m.hostInfo())
        .filter(host -> !host.equals(self) && host.port() > 0)
        .distinct()
        .map(KafkaStreamsTimelines::url)
        .toList();
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  private static URI url(HostInfo host) {
    return URI.create("http://" + host.host() + ":" + host.port());
  }
}
