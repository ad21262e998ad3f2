package io.livesubs.sink.topology;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.sink.cue.CueValidation;
import io.livesubs.sink.cue.CueVersion;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies cue records to the timeline stores: collapses revisions ({@link CueVersion}), numbers
 * every change of a timeline, keeps the change index and the per-timeline state, and handles the
 * marker cues of {@link CueConventions}. Invalid records are logged and dropped. One instance per
 * stream task, called on that task's Kafka Streams thread only.
 */
final class TimelineProcessor implements Processor<String, SubtitleCue, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(TimelineProcessor.class);

  private final CueChangeListener listener;
  private KeyValueStore<String, StoredCue> cues;
  private KeyValueStore<String, Long> changes;
  private KeyValueStore<String, TimelineState> timelines;

  TimelineProcessor(CueChangeListener listener) {
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    cues = context.getStateStore(SubtitleTopology.CUES_STORE);
    changes = context.getStateStore(SubtitleTopology.CHANGES_STORE);
    timelines = context.getStateStore(SubtitleTopology.TIMELINES_STORE);
  }

  @Override
  public void process(Record<String, SubtitleCue> record) {
    SubtitleCue cue = record.value();
    if (cue == null) {
      return; // tombstone on the compacted cue topic: nothing to apply
    }
    String problem = CueValidation.problem(record.key(), cue);
    if (problem != null) {
      LOG.warn(
          "Dropping cue {}/{}#{}: {}",
          cue.getStreamId(),
          cue.getLanguage(),
          cue.getCueSeq(),
          problem);
      return;
    }
    String streamId = cue.getStreamId().toString();
    String language = cue.getLanguage().toString();
    String stateKey = StoreKeys.timeline(streamId, language);
    TimelineState state = timelines.get(stateKey);
    if (state == null) {
      state = TimelineState.initial(streamId, language);
    }
    TimelineState next;
    if (CueConventions.isEndOfStream(cue)) {
      next = state.ended() ? state.afterIgnored() : endOfStream(state, cue);
    } else if (CueConventions.isProgress(cue)) {
      next = state.afterProgress(cue.getEndMs());
    } else {
      next = applyCue(state, cue);
    }
    timelines.put(stateKey, next);
    if (next.lastChangeSeq() != state.lastChangeSeq()) {
      notifyListener(streamId, language, next.lastChangeSeq());
    }
  }

  private TimelineState endOfStream(TimelineState state, SubtitleCue marker) {
    long changeSeq = state.lastChangeSeq() + 1;
    changes.put(
        StoreKeys.change(state.streamId(), state.language(), changeSeq),
        CueConventions.END_OF_STREAM_CUE_SEQ);
    return state.afterEndOfStream(marker.getEndMs(), changeSeq);
  }

  private TimelineState applyCue(TimelineState state, SubtitleCue cue) {
    String cueKey = StoreKeys.cue(state.streamId(), state.language(), cue.getCueSeq());
    StoredCue stored = cues.get(cueKey);
    CueVersion incoming = new CueVersion(cue.getIsFinal(), cue.getRevision());
    switch (CueVersion.decide(stored == null ? null : stored.version(), incoming)) {
      case DUPLICATE, STALE:
        return state.afterIgnored();
      default:
        break;
    }
    long changeSeq = state.lastChangeSeq() + 1;
    StoredCue next = StoredCue.of(cue, changeSeq);
    cues.put(cueKey, next);
    if (stored != null) {
      // The change index holds one entry per cue: its latest change.
      changes.delete(StoreKeys.change(state.streamId(), state.language(), stored.changeSeq()));
    }
    changes.put(StoreKeys.change(state.streamId(), state.language(), changeSeq), next.cueSeq());
    return state.afterCue(stored, next);
  }

  private void notifyListener(String streamId, String language, long changeSeq) {
    try {
      listener.onChange(streamId, language, changeSeq);
    } catch (RuntimeException e) {
      // Live push is best effort; it must never fail the stream thread.
      LOG.warn("Change listener failed for {}/{}", streamId, language, e);
    }
  }
}
