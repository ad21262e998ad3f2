package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.CueRevision;
import io.livesubs.schemas.CueConventions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Final-cue latency from the end of the last word, deduplication and end-of-stream tracking. */
class CueTrackerTest {

  /** Capture time of media time 0 of the test stream. */
  private static final long ANCHOR = 1_700_000_000_000L;

  private static CueRevision.Word word(String text, long startMs, long endMs) {
    return new CueRevision.Word(text, startMs, endMs);
  }

  /**
   * A cue ending at {@code endMs}, emitted at {@code emittedAtMs}, capture time as the job sets.
   */
  private static CueRevision cue(
      long seq,
      int revision,
      boolean isFinal,
      long endMs,
      List<CueRevision.Word> words,
      long emittedAtMs) {
    return new CueRevision(
        "s",
        "en",
        seq,
        revision,
        isFinal,
        0,
        endMs,
        words.isEmpty() ? List.of() : List.of("some text"),
        emittedAtMs,
        ANCHOR + endMs,
        words);
  }

  private static CueRevision progress(long mediaMs, long emittedAtMs) {
    return CueRevision.of(
        CueConventions.progress("s", "en", mediaMs, ANCHOR + mediaMs, emittedAtMs));
  }

  private static CueRevision endOfStream(String stream) {
    return CueRevision.of(CueConventions.endOfStream(stream, "en", 10_000, ANCHOR));
  }

  @Test
  void latencyRunsFromTheEndOfTheLastWordNotFromTheCueEnd() {
    // The words end at 2.4 s; the cue stays on screen until 3.5 s for reading time.
    CueRevision cue =
        cue(0, 1, true, 3_500, List.of(word("a", 0, 900), word("b", 1_000, 2_400)), ANCHOR + 3_100);
    assertEquals(ANCHOR + 2_400, CueLatency.lastWordCaptureMs(cue));
    assertEquals(700, CueLatency.emittedMs(cue));
  }

  @Test
  void aCueWithoutWordTimesIsMeasuredFromItsEnd() {
    CueRevision cue =
        new CueRevision(
            "s", "en", 0, 0, true, 0, 3_500, List.of("text"), ANCHOR + 4_000, ANCHOR + 3_500);
    assertEquals(500, CueLatency.emittedMs(cue));
  }

  @Test
  void countsEachFinalCueOnceAndIgnoresPartialsMarkersAndWithdrawals() {
    AtomicLong wallClock = new AtomicLong(ANCHOR + 5_000);
    CueTracker tracker = new CueTracker(wallClock::get, System::nanoTime);
    List<CueRevision.Word> words = List.of(word("hello", 1_000, 2_000));
    tracker.accept(cue(0, 0, false, 2_000, words, ANCHOR + 2_100)); // partial
    tracker.accept(cue(0, 1, true, 2_600, words, ANCHOR + 2_800)); // final
    tracker.accept(cue(0, 1, true, 2_600, words, ANCHOR + 2_800)); // redelivered
    tracker.accept(cue(1, 3, true, 4_000, List.of(), ANCHOR + 4_100)); // withdrawn
    tracker.accept(endOfStream("other"));
    assertArrayEquals(new long[] {800}, tracker.emittedLatenciesMs());
    assertArrayEquals(new long[] {3_000}, tracker.receivedLatenciesMs());
  }

  @Test
  void theLastFinalCueBeforeAProgressMarkerEndsAPhrase() {
    CueTracker tracker = new CueTracker();
    // A phrase shaped into two cues, emitted together at 6.3 s, then the progress marker.
    tracker.accept(cue(0, 0, true, 3_000, List.of(word("a", 0, 2_500)), ANCHOR + 6_300));
    tracker.accept(cue(1, 0, true, 6_000, List.of(word("b", 3_100, 5_800)), ANCHOR + 6_300));
    tracker.accept(progress(6_000, ANCHOR + 6_300));
    // A phrase without words: only its marker, no cue.
    tracker.accept(progress(9_000, ANCHOR + 9_200));
    assertArrayEquals(new long[] {3_800, 500}, tracker.emittedLatenciesMs());
    assertArrayEquals(new long[] {500}, tracker.phraseEndLatenciesMs());
  }

  @Test
  void waitsForEveryStreamsEndOfStreamMarker() throws Exception {
    CueTracker tracker = new CueTracker();
    List<String> streams = List.of("a", "b");
    assertEquals(0, tracker.lastEndNanos());
    tracker.accept(endOfStream("a"));
    assertEquals(Set.of("b"), tracker.notEnded(streams));
    assertFalse(tracker.awaitEnded(streams, Duration.ofMillis(50)));
    long before = System.nanoTime();
    Thread ender = new Thread(() -> tracker.accept(endOfStream("b")));
    ender.start();
    assertTrue(tracker.awaitEnded(streams, Duration.ofSeconds(10)));
    ender.join();
    assertTrue(tracker.lastEndNanos() >= before);
    assertEquals(Set.of(), tracker.notEnded(streams));
  }
}
