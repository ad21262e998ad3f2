package io.livesubs.jobs.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.ordering.OrderedAudio.Kind;
import io.livesubs.jobs.source.AudioWatermarks;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.testing.ExpectedOrder;
import io.livesubs.jobs.testing.SequencerHarness;
import io.livesubs.jobs.testing.TestStreams;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An end-of-stream chunk waiting behind a missing chunk ends the stream after a processing-time
 * bound, even when no watermark passes it any more (the last stream of a subtask has ended).
 */
class ChunkSequencerEndOfStreamTest {

  private static final long BOUND_MS = AudioWatermarks.DEFAULT_OUT_OF_ORDERNESS.toMillis();
  private static final String S = "stream-1";

  /** Sends every chunk but {@code missing}, with watermarks, at processing time 0. */
  private static void sendAllBut(SequencerHarness h, List<PcmChunk> chunks, long missing)
      throws Exception {
    h.setProcessingTime(0);
    for (PcmChunk c : chunks) {
      if (c.seq() != missing) {
        h.sendWithWatermark(c, BOUND_MS);
      }
    }
  }

  @Test
  void chunkMissingJustBeforeTheEndBecomesAGapAfterTheProcessingTimeBound() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 20, true);
    long missing = 18;
    long waitMs = BOUND_MS + SequencerSettings.DEFAULT_END_OF_STREAM_MARGIN.toMillis();
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      sendAllBut(h, chunks, missing);
      h.setProcessingTime(waitMs - 1);
      assertEquals(
          ExpectedOrder.of(chunks.subList(0, (int) missing), Set.of()),
          ExpectedOrder.actual(h.output(), S),
          "before the bound the end waits for the missing chunk");
      assertTrue(h.stateEntries() > 0);

      h.setProcessingTime(waitMs);
      assertEquals(ExpectedOrder.of(chunks, Set.of(missing)), ExpectedOrder.actual(h.output(), S));
      assertEquals(Kind.END, h.output().get(h.output().size() - 1).kind());
      assertEquals(1, h.counter("gaps"));
      assertEquals(1, h.counter("missingChunks"));
      assertEquals(1, h.counter("streamsEnded"));
      assertEquals(0, h.processingTimeTimers(), "processing-time timers left");
      assertEquals(1, h.stateEntries(), "only the ended stream's cursor stays, as a tombstone");

      // The missing chunk turns up after all: late, not the start of a new stream.
      int emitted = h.output().size();
      h.send(chunks.get((int) missing));
      assertEquals(emitted, h.output().size(), "nothing emitted for a chunk after the end");
      assertEquals(1, h.counter("lateChunks"));
      assertEquals(1, h.counter("streamsEnded"));

      h.watermark(chunks.get(chunks.size() - 1).captureTimeMs());
      assertEquals(0, h.stateEntries(), "keyed state left after the watermark passed the end");
      assertEquals(0, h.eventTimeTimers(), "event-time timers left after the stream ended");
    }
  }

  @Test
  void theMarginIsConfigurableAndAddsToTheOutOfOrderness() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 10, true);
    SequencerSettings settings =
        new SequencerSettings(
            256,
            SequencerSettings.DEFAULT_STREAM_TIMEOUT,
            SequencerSettings.DEFAULT_STATE_TTL,
            Duration.ofMillis(250));
    try (SequencerHarness h = new SequencerHarness(settings, Duration.ofSeconds(5))) {
      sendAllBut(h, chunks, 7);
      h.setProcessingTime(5_249);
      assertEquals(7, h.output().size());
      h.setProcessingTime(5_250);
      assertEquals(ExpectedOrder.of(chunks, Set.of(7L)), ExpectedOrder.actual(h.output(), S));
      assertEquals(1, h.stateEntries(), "only the tombstone is left");
    }
  }

  @Test
  void theMissingChunkArrivingInTimeIsEmittedAndTheBoundIsDropped() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 20, true);
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      sendAllBut(h, chunks, 18);
      assertEquals(1, h.processingTimeTimers());
      h.setProcessingTime(BOUND_MS);
      h.send(chunks.get(18));
      assertEquals(ExpectedOrder.of(chunks, Set.of()), ExpectedOrder.actual(h.output(), S));
      assertEquals(0, h.processingTimeTimers(), "the bound is not needed any more");
      h.setProcessingTime(Long.MAX_VALUE / 2);
      assertEquals(ExpectedOrder.of(chunks, Set.of()), ExpectedOrder.actual(h.output(), S));
      assertEquals(0, h.counter("gaps"));
      assertEquals(1, h.counter("streamsEnded"));
    }
  }

  @Test
  void aWatermarkPassingTheEndFirstGivesTheSameOutputAndDropsTheBound() throws Exception {
    List<PcmChunk> chunks = TestStreams.stream(S, 20, true);
    try (SequencerHarness h = new SequencerHarness(SequencerSettings.defaults())) {
      sendAllBut(h, chunks, 18);
      h.watermark(Long.MAX_VALUE);
      assertEquals(ExpectedOrder.of(chunks, Set.of(18L)), ExpectedOrder.actual(h.output(), S));
      assertEquals(0, h.stateEntries());
      assertEquals(0, h.processingTimeTimers());
      h.setProcessingTime(Long.MAX_VALUE / 2);
      assertEquals(1, h.counter("gaps"));
      assertEquals(1, h.counter("streamsEnded"));
    }
  }
}
