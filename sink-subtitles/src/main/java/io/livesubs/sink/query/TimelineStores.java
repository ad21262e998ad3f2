package io.livesubs.sink.query;

import io.livesubs.sink.topology.StoredCue;
import io.livesubs.sink.topology.SubtitleTopology;
import io.livesubs.sink.topology.TimelineState;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read access to this instance's timeline stores (see {@link SubtitleTopology}). Implementations
 * may throw {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the stores are
 * not queryable (rebalancing, restoring); callers answer "unavailable" then. Implementations are
 * thread-safe; the returned stores may be read from any thread.
 */
public interface TimelineStores {

  /** The cues store. */
  ReadOnlyKeyValueStore<String, StoredCue> cues();

  /** The change index. */
  ReadOnlyKeyValueStore<String, Long> changes();

  /** The timelines store. */
  ReadOnlyKeyValueStore<String, TimelineState> timelines();

  /** Returns fixed store handles, e.g. those of a {@code TopologyTestDriver}. */
  static TimelineStores of(
      ReadOnlyKeyValueStore<String, StoredCue> cues,
      ReadOnlyKeyValueStore<String, Long> changes,
      ReadOnlyKeyValueStore<String, TimelineState> timelines) {
    return new TimelineStores() {
      @Override
      public ReadOnlyKeyValueStore<String, StoredCue> cues() {
        return cues;
      }

      @Override
      public ReadOnlyKeyValueStore<String, Long> changes() {
        return changes;
      }

      @Override
      public ReadOnlyKeyValueStore<String, TimelineState> timelines() {
        return timelines;
      }
    };
  }
}
