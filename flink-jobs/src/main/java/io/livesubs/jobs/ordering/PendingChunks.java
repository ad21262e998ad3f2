package io.livesubs.jobs.ordering;

import io.livesubs.jobs.source.PcmChunk;
import org.apache.flink.api.common.state.MapState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunks a stream holds back until the ones before them arrive: keyed map state from seq to
 * chunk, scoped to the current key of the {@link ChunkSequencer}. The count lives in the stream's
 * {@link StreamCursor} because map state has no cheap size. Used from the sequencer's task thread
 * only.
 */
final class PendingChunks {

  /** Returned by {@link #earliestSeq} when nothing is buffered. */
  static final long NONE = -1;

  private static final Logger LOG = LoggerFactory.getLogger(PendingChunks.class);

  private final MapState<Long, PcmChunk> state;
  private final SequencerMetrics metrics;

  PendingChunks(MapState<Long, PcmChunk> state, SequencerMetrics metrics) {
    this.state = state;
    this.metrics = metrics;
  }

  /** The buffered chunk with {@code seq}, or {@code null}. */
  PcmChunk get(long seq) throws Exception {
    return state.get(seq);
  }

  /** Buffers {@code chunk}; returns false (and counts a duplicate) if its seq is buffered. */
  boolean add(PcmChunk chunk, StreamCursor cur) throws Exception {
    PcmChunk existing = state.get(chunk.seq());
    if (existing != null) {
      metrics.duplicates.inc();
      if (!existing.equals(chunk)) {
        LOG.warn("dropping {}: differs from the buffered chunk with the same seq", chunk);
      }
      return false;
    }
    state.put(chunk.seq(), chunk);
    cur.pendingCount++;
    metrics.buffered(1);
    return true;
  }

  /** Removes and returns the chunk with {@code seq}, or returns {@code null} if not buffered. */
  PcmChunk take(long seq, StreamCursor cur) throws Exception {
    PcmChunk chunk = state.get(seq);
    if (chunk != null) {
      state.remove(seq);
      cur.pendingCount--;
      metrics.buffered(-1);
    }
    return chunk;
  }

  /** Lowest buffered seq, or {@link #NONE}; recounts, in case state TTL dropped entries. */
  long earliestSeq(StreamCursor cur) throws Exception {
    if (cur.pendingCount == 0) {
      return NONE;
    }
    long min = NONE;
    int count = 0;
    for (Long seq : state.keys()) {
      count++;
      if (min == NONE || seq < min) {
        min = seq;
      }
    }
    metrics.buffered(count - cur.pendingCount);
    cur.pendingCount = count;
    return min;
  }

  /** Drops everything buffered; returns how many chunks that was. */
  int clear(StreamCursor cur) throws Exception {
    earliestSeq(cur); // recount
    int dropped = cur.pendingCount;
    state.clear();
    metrics.buffered(-dropped);
    cur.pendingCount = 0;
    return dropped;
  }
}
