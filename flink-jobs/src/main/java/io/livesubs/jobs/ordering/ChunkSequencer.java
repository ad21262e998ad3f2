package io.livesubs.jobs.ordering;

import io.livesubs.jobs.source.AudioWatermarks;
import io.livesubs.jobs.source.PcmChunk;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each stream's chunks back into {@code seq} order under event time. Keyed by stream id.
 *
 * <ul>
 *   <li>A chunk with the next expected seq is emitted at once, followed by any buffered chunks that
 *       are now contiguous. Other chunks wait in keyed map state.
 *   <li>A missing chunk is waited for until the watermark passes the capture time of the first
 *       chunk buffered after it (an event-time timer); its slot is then given up as one {@link
 *       OrderedAudio.Kind#GAP} whose length is exact media time: the next chunk's media offset
 *       minus the expected one. Gaps are counted.
 *   <li>Duplicates (seq already emitted, or already buffered) are dropped and counted. A chunk
 *       whose slot was already given up is late: counted and dropped, never emitted into the past.
 *   <li>The end-of-stream chunk is ordered like any other; when its turn comes an {@link
 *       OrderedAudio.Kind#END} follows it and the stream's state is cleared (see {@link
 *       #finishStream}). If it waits behind a missing chunk, the wait is bounded in processing time
 *       as well: after the out-of-orderness plus {@link SequencerSettings#endOfStreamMargin()} the
 *       missing slots are given up as gaps, the END follows and the state is cleared, because the
 *       watermark may never pass it.
 *   <li>Memory per stream is bounded by {@link SequencerSettings#maxBufferedChunks()}: beyond it
 *       the oldest missing slot is given up as a gap at once. A stream whose newest capture time
 *       falls {@link SequencerSettings#streamTimeout()} behind the watermark is ended and cleared;
 *       a processing-time state TTL backs this up if the watermark stalls.
 * </ul>
 *
 * <p>Given in-order input, or any input shuffled within the watermark's out-of-orderness bound, the
 * output is the same. Metrics: see {@link SequencerMetrics}. Flink calls an instance from one task
 * thread.
 */
public final class ChunkSequencer extends KeyedProcessFunction<String, PcmChunk, OrderedAudio> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ChunkSequencer.class);

  private final SequencerSettings settings;
  private final long endOfStreamWaitMs;
  private transient ValueState<StreamCursor> cursorState;
  private transient PendingChunks pending;
  private transient SequencerMetrics metrics;

  /** A sequencer with {@link SequencerSettings#defaults()}. */
  public ChunkSequencer() {
    this(SequencerSettings.defaults());
  }

  /**
   * A sequencer with {@code settings}, for watermarks with {@link
   * AudioWatermarks#DEFAULT_OUT_OF_ORDERNESS}.
   */
  public ChunkSequencer(SequencerSettings settings) {
    this(settings, AudioWatermarks.DEFAULT_OUT_OF_ORDERNESS);
  }

  /**
   * A sequencer with {@code settings}, for watermarks that wait {@code outOfOrderness} for late
   * chunks (it bounds how long a waiting end of stream waits in processing time).
   */
  public ChunkSequencer(SequencerSettings settings, Duration outOfOrderness) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (outOfOrderness == null || outOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "outOfOrderness must be zero or positive, got " + outOfOrderness);
    }
    this.endOfStreamWaitMs = outOfOrderness.plus(settings.endOfStreamMargin()).toMillis();
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<StreamCursor> cursorDescriptor =
        new ValueStateDescriptor<>("cursor", TypeInformation.of(StreamCursor.class));
    MapStateDescriptor<Long, PcmChunk> pendingDescriptor =
        new MapStateDescriptor<>("pending", Types.LONG, TypeInformation.of(PcmChunk.class));
    if (!settings.stateTtl().isZero()) {
      // The cursor is written whenever a chunk is accepted, so it never expires before the
      // chunks it describes; both expire only for streams silent for the whole TTL.
      StateTtlConfig ttl =
          StateTtlConfig.newBuilder(settings.stateTtl())
              .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
              .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
              .build();
      cursorDescriptor.enableTimeToLive(ttl);
      pendingDescriptor.enableTimeToLive(ttl);
    }
    cursorState = getRuntimeContext().getState(cursorDescriptor);
    metrics = new SequencerMetrics(getRuntimeContext().getMetricGroup());
    pending = new PendingChunks(getRuntimeContext().getMapState(pendingDescriptor), metrics);
  }

  @Override
  public void processElement(PcmChunk chunk, Context ctx, Collector<OrderedAudio> out)
      throws Exception {
    StreamCursor cur = cursorState.value();
    if (cur == null) {
      cur = new StreamCursor();
    }
    if (chunk.seq() < cur.nextSeq) {
      (cur.wasGivenUp(chunk.seq()) ? metrics.lateChunks : metrics.duplicates).inc();
      return;
    }
    if (cur.ended) {
      metrics.lateChunks.inc(); // beyond the end-of-stream chunk
      return;
    }
    if (chunk.seq() == cur.nextSeq) {
      release(chunk, cur, out);
      releaseContiguous(cur, out);
    } else if (!pending.add(chunk, cur)) {
      return;
    } else if (chunk.endOfStream()) {
      awaitEndInProcessingTime(cur, ctx.timerService());
    }
    cur.maxCaptureTimeMs = Math.max(cur.maxCaptureTimeMs, chunk.captureTimeMs());
    cur.sampleRate = chunk.sampleRate();
    cur.languageHint = chunk.languageHint();
    giveUpPassedSlots(cur, ctx.timerService().currentWatermark(), out);
    while (!cur.ended && cur.pendingCount > settings.maxBufferedChunks()) {
      metrics.bufferOverflows.inc();
      giveUpFirstHole(cur, out);
    }
    settle(cur, ctx.timerService());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OrderedAudio> out)
      throws Exception {
    StreamCursor cur = cursorState.value();
    if (cur == null) {
      return; // state expired by TTL; the timer outlived it
    }
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (cur.endWaitTimerMs == timestamp) {
        cur.endWaitTimerMs = StreamCursor.NO_TIMER;
        endAfterWaiting(cur, ctx.timerService(), out);
      }
      return;
    }
    if (cur.holeTimerMs == timestamp) {
      cur.holeTimerMs = StreamCursor.NO_TIMER;
    }
    if (cur.timeoutTimerMs == timestamp) {
      cur.timeoutTimerMs = StreamCursor.NO_TIMER;
    }
    TimerService timers = ctx.timerService();
    long watermark = timers.currentWatermark();
    if (cur.ended) {
      if (watermark >= cur.endCaptureTimeMs) {
        clearStream(cur, timers);
      }
      return;
    }
    giveUpPassedSlots(cur, watermark, out);
    if (!cur.ended && watermark >= cur.maxCaptureTimeMs + settings.streamTimeout().toMillis()) {
      timeOut(ctx.getCurrentKey(), cur, timers, out);
      return;
    }
    settle(cur, timers);
  }

  /**
   * Bounds in processing time how long a buffered end-of-stream chunk waits for the chunks before
   * it. Event time alone cannot: the hole is given up only when the watermark passes the chunk
   * after it, here the end-of-stream chunk itself, and the watermark moves only with newer data.
   * After the last live stream of a subtask ends none comes, so without this bound the stream would
   * never end (until the stream timeout, itself in event time, or the state TTL).
   */
  private void awaitEndInProcessingTime(StreamCursor cur, TimerService timers) {
    if (cur.endWaitTimerMs == StreamCursor.NO_TIMER) {
      cur.endWaitTimerMs = timers.currentProcessingTime() + endOfStreamWaitMs;
      timers.registerProcessingTimeTimer(cur.endWaitTimerMs);
    }
  }

  /**
   * The end-of-stream chunk waited the whole bound: any chunk still missing before it would have
   * arrived within the out-of-orderness, so its slots are given up as gaps and END follows. As on
   * the normal path the cursor stays as a tombstone, so that a missing chunk that turns up after
   * all is counted late instead of starting the stream afresh (which would end it twice); the
   * tombstone goes when the watermark passes the end, or with the state TTL if none comes.
   */
  private void endAfterWaiting(StreamCursor cur, TimerService timers, Collector<OrderedAudio> out)
      throws Exception {
    while (!cur.ended && cur.pendingCount > 0) {
      giveUpFirstHole(cur, out);
    }
    settle(cur, timers); // an ended stream becomes a tombstone; otherwise event time decides
  }

  /** Emits {@code chunk} and advances the cursor past it; ends the stream on end-of-stream. */
  private void release(PcmChunk chunk, StreamCursor cur, Collector<OrderedAudio> out) {
    if (!chunk.endOfStream() || chunk.sampleCount() > 0) {
      out.collect(OrderedAudio.data(chunk));
    }
    cur.nextSeq = chunk.seq() + 1;
    cur.nextOffsetSamples = chunk.mediaEndSamples();
    cur.nextCaptureTimeMs = chunk.captureTimeMs() + chunk.durationMs();
    if (chunk.endOfStream()) {
      cur.ended = true;
      cur.endCaptureTimeMs = chunk.captureTimeMs();
      out.collect(
          OrderedAudio.end(
              chunk.streamId(),
              chunk.seq(),
              cur.nextOffsetSamples,
              chunk.sampleRate(),
              cur.nextCaptureTimeMs,
              chunk.languageHint()));
      metrics.streamsEnded.inc();
    }
  }

  private void releaseContiguous(StreamCursor cur, Collector<OrderedAudio> out) throws Exception {
    while (!cur.ended && cur.pendingCount > 0) {
      PcmChunk next = pending.take(cur.nextSeq, cur);
      if (next == null) {
        return;
      }
      release(next, cur, out);
    }
  }

  /** Gives up every missing slot whose following buffered chunk the watermark has passed. */
  private void giveUpPassedSlots(StreamCursor cur, long watermark, Collector<OrderedAudio> out)
      throws Exception {
    while (!cur.ended && cur.pendingCount > 0) {
      long first = pending.earliestSeq(cur);
      if (first == PendingChunks.NONE || pending.get(first).captureTimeMs() > watermark) {
        return;
      }
      giveUpBefore(first, cur, out);
    }
  }

  private void giveUpFirstHole(StreamCursor cur, Collector<OrderedAudio> out) throws Exception {
    long first = pending.earliestSeq(cur);
    if (first != PendingChunks.NONE) {
      giveUpBefore(first, cur, out);
    }
  }

  /** Emits the GAP from the cursor up to buffered chunk {@code first}, then releases onwards. */
  private void giveUpBefore(long first, StreamCursor cur, Collector<OrderedAudio> out)
      throws Exception {
    if (first > cur.nextSeq) {
      PcmChunk next = pending.get(first);
      long missingSamples = Math.max(0, next.mediaOffsetSamples() - cur.nextOffsetSamples);
      long missingChunks = first - cur.nextSeq;
      out.collect(
          OrderedAudio.gap(
              next.streamId(),
              cur.nextSeq,
              missingChunks,
              cur.nextOffsetSamples,
              missingSamples,
              next.sampleRate(),
              next.captureTimeMs() - missingSamples * 1000 / next.sampleRate(),
              next.languageHint()));
      metrics.gaps.inc();
      metrics.missingChunks.inc(missingChunks);
      LOG.debug("{}: gave up seq {}..{} as a gap", next.streamId(), cur.nextSeq, first - 1);
      cur.recordGivenUp(cur.nextSeq, first);
      cur.nextSeq = first;
    }
    releaseContiguous(cur, out);
  }

  /** Stores the cursor and keeps the timers in line with it, or finishes an ended stream. */
  private void settle(StreamCursor cur, TimerService timers) throws Exception {
    if (cur.ended) {
      finishStream(cur, timers);
      return;
    }
    long hole = StreamCursor.NO_TIMER;
    long first = pending.earliestSeq(cur);
    if (first != PendingChunks.NONE) {
      hole = pending.get(first).captureTimeMs();
    }
    if (hole != cur.holeTimerMs) {
      // Flink keeps one timer per timestamp: leave it if the timeout check shares it.
      if (cur.holeTimerMs != StreamCursor.NO_TIMER && cur.holeTimerMs != cur.timeoutTimerMs) {
        timers.deleteEventTimeTimer(cur.holeTimerMs);
      }
      if (hole != StreamCursor.NO_TIMER) {
        timers.registerEventTimeTimer(hole);
      }
      cur.holeTimerMs = hole;
    }
    if (cur.timeoutTimerMs == StreamCursor.NO_TIMER) {
      // Registered once and re-armed when it fires, instead of moved on every chunk.
      cur.timeoutTimerMs = cur.maxCaptureTimeMs + settings.streamTimeout().toMillis();
      timers.registerEventTimeTimer(cur.timeoutTimerMs);
    }
    cursorState.update(cur);
  }

  /**
   * After the END element: drops chunks buffered beyond the end and keeps only the cursor as a
   * tombstone until the watermark passes the end-of-stream chunk's capture time, so that a
   * duplicate arriving within the out-of-orderness bound is recognised instead of starting the
   * stream afresh. After that every chunk of the stream would be behind the watermark anyway.
   */
  private void finishStream(StreamCursor cur, TimerService timers) throws Exception {
    if (cur.pendingCount > 0) {
      metrics.lateChunks.inc(pending.clear(cur)); // buffered beyond the end of the stream
    }
    deleteTimers(cur, timers);
    if (timers.currentWatermark() >= cur.endCaptureTimeMs) {
      clearStream(cur, timers);
      return;
    }
    timers.registerEventTimeTimer(cur.endCaptureTimeMs);
    cursorState.update(cur);
  }

  private void timeOut(
      String streamId, StreamCursor cur, TimerService timers, Collector<OrderedAudio> out)
      throws Exception {
    while (cur.pendingCount > 0 && !cur.ended) {
      giveUpFirstHole(cur, out);
    }
    if (!cur.ended) {
      LOG.info("stream {} timed out after seq {}; ending it", streamId, cur.nextSeq - 1);
      out.collect(
          OrderedAudio.end(
              streamId,
              cur.nextSeq - 1,
              cur.nextOffsetSamples,
              cur.sampleRate,
              cur.nextCaptureTimeMs,
              cur.languageHint));
      metrics.streamsEnded.inc();
    }
    metrics.streamTimeouts.inc();
    clearStream(cur, timers);
  }

  /**
   * Removes every trace of the stream: timers, buffered chunks and cursor. A finished or abandoned
   * stream never needs them again, and keyed state that is not cleared would be carried in every
   * checkpoint forever; with thousands of short streams a day that is unbounded growth.
   */
  private void clearStream(StreamCursor cur, TimerService timers) throws Exception {
    deleteTimers(cur, timers);
    if (cur.ended) {
      timers.deleteEventTimeTimer(cur.endCaptureTimeMs);
    }
    pending.clear(cur);
    cursorState.clear();
  }

  private static void deleteTimers(StreamCursor cur, TimerService timers) {
    if (cur.endWaitTimerMs != StreamCursor.NO_TIMER) {
      timers.deleteProcessingTimeTimer(cur.endWaitTimerMs);
      cur.endWaitTimerMs = StreamCursor.NO_TIMER;
    }
    if (cur.holeTimerMs != StreamCursor.NO_TIMER) {
      timers.deleteEventTimeTimer(cur.holeTimerMs);
      cur.holeTimerMs = StreamCursor.NO_TIMER;
    }
    if (cur.timeoutTimerMs != StreamCursor.NO_TIMER) {
      timers.deleteEventTimeTimer(cur.timeoutTimerMs);
      cur.timeoutTimerMs = StreamCursor.NO_TIMER;
    }
  }
}
