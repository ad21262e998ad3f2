package io.livesubs.sink.query;

import io.livesubs.schemas.CueConventions;
import io.livesubs.sink.topology.StoreKeys;
import io.livesubs.sink.topology.StoredCue;
import io.livesubs.sink.topology.TimelineState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Reads timelines from this instance's stores: timeline states, cues in cue order, and the changes
 * after a change number (for live push). Every iterator is closed before returning. Thread-safe if
 * the stores are.
 */
public final class TimelineQueries {

  private final TimelineStores stores;

  /** Reads through {@code stores}. */
  public TimelineQueries(TimelineStores stores) {
    this.stores = stores;
  }

  /** Returns every timeline of this instance, ordered by stream id then language. */
  public List<TimelineState> allTimelines() {
    List<TimelineState> out = new ArrayList<>();
    try (KeyValueIterator<String, TimelineState> it = stores.timelines().all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  /** Returns the timelines (one per language) of {@code streamId}. */
  public List<TimelineState> timelinesOf(String streamId) {
    List<TimelineState> out = new ArrayList<>();
    try (KeyValueIterator<String, TimelineState> it =
        stores.timelines().range(StoreKeys.streamFrom(streamId), StoreKeys.streamTo(streamId))) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  /** Returns the state of one timeline, if known. */
  public Optional<TimelineState> timeline(String streamId, String language) {
    return Optional.ofNullable(stores.timelines().get(StoreKeys.timeline(streamId, language)));
  }

  /** Returns the current version of every cue of a timeline, in cue-number order. */
  public List<StoredCue> cues(String streamId, String language) {
    List<StoredCue> out = new ArrayList<>();
    try (KeyValueIterator<String, StoredCue> it =
        stores
            .cues()
            .range(
                StoreKeys.cue(streamId, language, 0), StoreKeys.numberedTo(streamId, language))) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  /**
   * Returns up to {@code max} changes of a timeline with change number above {@code after}, in
   * change order. A cue that changed again while being read is skipped here: its newer change comes
   * in a later read, so change numbers handed out always increase.
   */
  public List<Change> changesAfter(String streamId, String language, long after, int max) {
    List<Change> out = new ArrayList<>();
    long from = Math.max(0, after + 1);
    try (KeyValueIterator<String, Long> it =
        stores
            .changes()
            .range(
                StoreKeys.change(streamId, language, from),
                StoreKeys.numberedTo(streamId, language))) {
      while (it.hasNext() && out.size() < max) {
        KeyValue<String, Long> kv = it.next();
        long changeSeq = changeSeqOf(kv.key);
        if (kv.value == CueConventions.END_OF_STREAM_CUE_SEQ) {
          long endMs = timeline(streamId, language).map(TimelineState::endMs).orElse(-1L);
          out.add(new Change(changeSeq, null, endMs));
          continue;
        }
        StoredCue cue = stores.cues().get(StoreKeys.cue(streamId, language, kv.value));
        if (cue != null && cue.changeSeq() == changeSeq) {
          out.add(new Change(changeSeq, cue, -1));
        }
      }
    }
    return out;
  }

  private static long changeSeqOf(String changeKey) {
    return Long.parseLong(changeKey.substring(changeKey.lastIndexOf('|') + 1));
  }

  /**
   * One change of a timeline.
   *
   * @param changeSeq change number
   * @param cue the cue version stored by this change, or {@code null} for the end of stream
   * @param streamEndMs media duration for the end of stream, else -1
   */
  public record Change(long changeSeq, StoredCue cue, long streamEndMs) {

    /** Returns whether this change is the end of the stream. */
    public boolean endOfStream() {
      return cue == null;
    }
  }
}
