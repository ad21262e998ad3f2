package io.livesubs.jobs.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.ordering.OrderedAudio.Kind;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.testing.ExpectedOrder;
import io.livesubs.jobs.testing.SequencerHarness;
import io.livesubs.jobs.testing.TestStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkSequencerTest {

  private static final long BOUND_MS = 2_000;
  private static final String S = "stream-1";

  @Test
  void inOrderStreamComesOutUnchangedFollowedByEnd() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 30, true);
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      h.sendAllAndFinish(chunks, BOUND_MS);
      assertEquals(ExpectedOrder.of(chunks, Set.of()), ExpectedOrder.actual(h.output(), S));
      assertEquals(0, h.counter("gaps"));
      assertEquals(0, h.counter("duplicates"));
      assertEquals(0, h.counter("lateChunks"));
      assertEquals(1, h.counter("streamsEnded"));
    }
  }

  @Test
  void anyShuffleWithinTheBoundGivesTheInOrderOutput() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 60, true);
    List<ExpectedOrder.Element> expected = ExpectedOrder.of(chunks, Set.of());
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      List<PcmChunk> arrival = TestStreams.shuffledWithinBound(chunks, BOUND_MS, 0.1, random);
      try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
        h.sendAllAndFinish(arrival, BOUND_MS);
        assertEquals(expected, ExpectedOrder.actual(h.output(), S), "seed " + seed);
        assertEquals(arrival.size() - chunks.size(), h.counter("duplicates"), "seed " + seed);
        assertEquals(0, h.counter("gaps"), "seed " + seed);
        assertEquals(0, h.counter("lateChunks"), "seed " + seed);
        assertEquals(0, h.stateEntries(), "seed " + seed);
        assertEquals(0, h.eventTimeTimers(), "seed " + seed);
      }
    }
  }

  @Test
  void droppedChunkBecomesCountedGapOfExactMediaTimeOnceWatermarkPassesIt() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 20, true);
    PcmChunk dropped = chunks.get(6); // 2400 samples, unlike its neighbours
    PcmChunk next = chunks.get(7);
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      for (PcmChunk c : chunks.subList(0, 10)) {
        if (c != dropped) {
          h.send(c);
        }
      }
      h.watermark(next.captureTimeMs() - 1);
      assertTrue(
          h.output().stream().noneMatch(a -> a.seq() >= dropped.seq()),
          "nothing after the missing chunk may be emitted before the watermark passes");
      h.watermark(next.captureTimeMs());
      OrderedAudio gap = h.output().get((int) dropped.seq());
      assertEquals(Kind.GAP, gap.kind());
      assertEquals(dropped.seq(), gap.seq());
      assertEquals(dropped.mediaOffsetSamples(), gap.mediaOffsetSamples());
      assertEquals(dropped.sampleCount(), gap.sampleCount());
      assertEquals(1, gap.missingChunks());
      assertEquals(1, h.counter("gaps"));
      assertEquals(1, h.counter("missingChunks"));
      assertEquals(10, h.output().size(), "chunks 7..9 follow the gap at once");
    }
  }

  @Test
  void shuffledStreamsWithDroppedChunksGiveTheSameOutputAsInOrder() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 60, true);
    Set<Long> missing = Set.of(5L, 6L, 30L, 58L);
    List<PcmChunk> sent = chunks.stream().filter(c -> !missing.contains(c.seq())).toList();
    List<ExpectedOrder.Element> expected = ExpectedOrder.of(chunks, missing);
    for (int seed = 0; seed < 100; seed++) {
      List<PcmChunk> arrival =
          TestStreams.shuffledWithinBound(sent, BOUND_MS, 0.05, new Random(seed));
      try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
        h.sendAllAndFinish(arrival, BOUND_MS);
        assertEquals(expected, ExpectedOrder.actual(h.output(), S), "seed " + seed);
        assertEquals(3, h.counter("gaps"), "seed " + seed);
        assertEquals(4, h.counter("missingChunks"), "seed " + seed);
        assertEquals(0, h.stateEntries(), "seed " + seed);
      }
    }
  }

  @Test
  void chunkLaterThanTheBoundIsCountedAndDroppedNotReorderedIntoThePast() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 45, true);
    PcmChunk late = chunks.get(10);
    List<PcmChunk> arrival = new ArrayList<>(chunks);
    arrival.remove(late);
    arrival.add(35, late); // after chunk 36, whose capture time is > 2 s after chunk 10's
    long newestBefore = arrival.get(34).captureTimeMs();
    assertTrue(newestBefore - late.captureTimeMs() > BOUND_MS, "test setup: chunk must be late");
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      h.sendAllAndFinish(arrival, BOUND_MS);
      assertEquals(
          ExpectedOrder.of(chunks, Set.of(late.seq())), ExpectedOrder.actual(h.output(), S));
      assertEquals(1, h.counter("lateChunks"));
      assertEquals(0, h.counter("duplicates"));
    }
  }

  @Test
  void duplicatesChangeNothing() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 10, true);
    List<PcmChunk> arrival = new ArrayList<>();
    for (PcmChunk c : chunks) {
      arrival.add(c);
      arrival.add(c); // immediately repeated: already emitted
    }
    arrival.add(3, chunks.get(4)); // early copy, buffered, then the original arrives in turn
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      h.sendAllAndFinish(arrival, BOUND_MS);
      assertEquals(ExpectedOrder.of(chunks, Set.of()), ExpectedOrder.actual(h.output(), S));
      assertEquals(arrival.size() - chunks.size(), h.counter("duplicates"));
    }
  }

  @Test
  void endOfStreamClearsAllStateOnceNoChunkOfTheStreamCanStillBeInTime() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 10, true);
    PcmChunk eos = chunks.get(9);
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      for (PcmChunk c : chunks) {
        h.send(c);
      }
      assertEquals(Kind.END, h.output().get(h.output().size() - 1).kind());
      // Within the bound a duplicate of the end-of-stream chunk must not restart the stream.
      h.send(eos);
      h.send(chunks.get(3));
      assertEquals(2, h.counter("duplicates"));
      assertEquals(11, h.output().size());
      h.watermark(eos.captureTimeMs());
      assertEquals(0, h.stateEntries(), "keyed state left after the stream ended");
      assertEquals(0, h.eventTimeTimers(), "timers left after the stream ended");
    }
  }

  @Test
  void chunksBeyondTheEndOfStreamAreLate() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 12, false);
    List<PcmChunk> ended = new ArrayList<>(chunks.subList(0, 10));
    PcmChunk tenth = chunks.get(9);
    ended.set(
        9,
        new PcmChunk(
            S,
            9,
            tenth.captureTimeMs(),
            tenth.mediaOffsetSamples(),
            tenth.sampleRate(),
            new short[0],
            true,
            "en"));
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      h.send(chunks.get(11)); // buffered beyond the end that has not arrived yet
      for (PcmChunk c : ended) {
        h.send(c);
      }
      h.send(chunks.get(10));
      assertEquals(ExpectedOrder.of(ended, Set.of()), ExpectedOrder.actual(h.output(), S));
      assertEquals(2, h.counter("lateChunks"));
      h.watermark(Long.MAX_VALUE);
      assertEquals(0, h.stateEntries());
      assertEquals(0, h.eventTimeTimers());
    }
  }

  @Test
  void fullBufferGivesUpTheOldestMissingSlotWithoutWaitingForTheWatermark() throws Exception {
    SequencerSettings settings =
        new SequencerSettings(
            4, SequencerSettings.DEFAULT_STREAM_TIMEOUT, SequencerSettings.DEFAULT_STATE_TTL);
    List<PcmChunk> chunks = TestStreams.stream(S, 12, false);
    try (SequencerHarness h = new SequencerHarness(settings)) {
      for (PcmChunk c : chunks) {
        if (c.seq() != 2 && c.seq() != 9) {
          h.send(c); // no watermark at all
        }
      }
      // 3..6 fill the buffer; 7 overflows it: slot 2 is given up and 3..8 follow. 10 and 11 wait
      // behind the hole at 9 with room to spare.
      assertEquals(
          ExpectedOrder.of(chunks.subList(0, 9), Set.of(2L)), ExpectedOrder.actual(h.output(), S));
      assertEquals(1, h.counter("bufferOverflows"));
      assertEquals(2L, h.gauge("bufferedChunks"));
    }
  }

  @Test
  void streamSilentForTheTimeoutIsEndedAndCleared() throws Exception {
    SequencerSettings settings =
        new SequencerSettings(
            256, java.time.Duration.ofSeconds(10), SequencerSettings.DEFAULT_STATE_TTL);
    List<PcmChunk> chunks = TestStreams.stream(S, 5, false);
    PcmChunk last = chunks.get(4);
    try (SequencerHarness h = new SequencerHarness(settings)) {
      for (PcmChunk c : chunks) {
        h.sendWithWatermark(c, BOUND_MS);
      }
      h.watermark(last.captureTimeMs() + 9_999);
      assertEquals(5, h.output().size());
      h.watermark(last.captureTimeMs() + 10_000);
      OrderedAudio end = h.output().get(5);
      assertEquals(Kind.END, end.kind());
      assertEquals(last.mediaEndSamples(), end.mediaOffsetSamples());
      assertEquals(1, h.counter("streamTimeouts"));
      assertEquals(0, h.stateEntries());
      assertEquals(0, h.eventTimeTimers());
    }
  }

  @Test
  void stateTtlForgetsAStreamWhoseTimeoutCouldNotFire() throws Exception {
    SequencerSettings settings =
        new SequencerSettings(256, java.time.Duration.ofHours(1), java.time.Duration.ofHours(2));
    List<PcmChunk> chunks = TestStreams.stream(S, 4, false);
    try (SequencerHarness h = new SequencerHarness(settings)) {
      h.setTtlTime(0);
      for (PcmChunk c : chunks) {
        h.send(c);
      }
      h.send(chunks.get(1));
      assertEquals(1, h.counter("duplicates"), "within the TTL the stream is remembered");
      h.setTtlTime(java.time.Duration.ofHours(2).toMillis() + 1);
      h.send(chunks.get(1));
      assertEquals(1, h.counter("duplicates"), "after the TTL the stream was forgotten");
    }
  }

  @Test
  void outputAfterRestoreFromCheckpointEqualsOutputWithoutFailure() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 40, true);
    List<PcmChunk> arrival =
        TestStreams.shuffledWithinBound(
            chunks.stream().filter(c -> c.seq() != 17).toList(), BOUND_MS, 0.1, new Random(7));
    List<OrderedAudio> uninterrupted;
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      h.sendAllAndFinish(arrival, BOUND_MS);
      uninterrupted = h.output();
    }
    int cut = arrival.size() / 2;
    List<OrderedAudio> resumed = new ArrayList<>();
    org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
    long maxTs = Long.MIN_VALUE;
    try (SequencerHarness first = new SequencerHarness(SequencerSettings.defaults())) {
      for (PcmChunk c : arrival.subList(0, cut)) {
        first.sendWithWatermark(c, BOUND_MS);
        maxTs = Math.max(maxTs, c.captureTimeMs());
      }
      resumed.addAll(first.output());
      snapshot = first.snapshot();
    }
    try (SequencerHarness second = new SequencerHarness(SequencerSettings.defaults(), snapshot)) {
      second.watermark(maxTs - BOUND_MS - 1);
      second.sendAllAndFinish(arrival.subList(cut, arrival.size()), BOUND_MS);
      resumed.addAll(second.output());
    }
    assertEquals(ExpectedOrder.actual(uninterrupted, S), ExpectedOrder.actual(resumed, S));
    assertEquals(ExpectedOrder.of(chunks, Set.of(17L)), ExpectedOrder.actual(uninterrupted, S));
  }

  @Test
  void streamsAreOrderedIndependently() throws Exception {
    List<PcmChunk> a = TestStreams.stream("a", 30, true);
    List<PcmChunk> b = TestStreams.stream("b", 25, true);
    List<PcmChunk> all = new ArrayList<>(a);
    all.addAll(b.stream().filter(c -> c.seq() != 3).toList());
    all.sort((x, y) -> Long.compare(x.captureTimeMs(), y.captureTimeMs()));
    List<PcmChunk> arrival = TestStreams.shuffledWithinBound(all, BOUND_MS, 0.0, new Random(3));
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      h.sendAllAndFinish(arrival, BOUND_MS);
      assertEquals(ExpectedOrder.of(a, Set.of()), ExpectedOrder.actual(h.output(), "a"));
      assertEquals(ExpectedOrder.of(b, Set.of(3L)), ExpectedOrder.actual(h.output(), "b"));
      assertEquals(0, h.stateEntries());
    }
  }
}
