package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.CueRevision.TimelineKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the demo's collector collapses revisions, prints captions and sees streams end. */
class CueCollectorTest {

  private final StringWriter printed = new StringWriter();
  private final CueCollector collector =
      new CueCollector(null, new CaptionPrinter(new PrintWriter(printed), false));

  private static CueRevision cue(
      String stream, long seq, int revision, boolean fin, long start, long end, String... lines) {
    return new CueRevision(
        stream, "en", seq, revision, fin, start, end, List.of(lines), 10_000 + end, 9_000 + end);
  }

  private static CueRevision endOf(String stream, long endMs) {
    return new CueRevision(stream, "en", -1, 0, true, endMs, endMs, List.of(), 0, 0);
  }

  @Test
  void revisionsCollapseToTheFinalTextInSeqOrder() {
    collector.accept(cue("s", 0, 0, false, 0, 900, "hel"));
    collector.accept(cue("s", 0, 1, false, 0, 1500, "hello wor"));
    collector.accept(cue("s", 1, 0, false, 2000, 2500, "how"));
    collector.accept(cue("s", 0, 2, true, 0, 1800, "hello world"));
    collector.accept(cue("s", 1, 1, true, 2000, 3200, "how are", "you"));
    List<CueRevision> finals = collector.finalCues().get(new TimelineKey("s", "en"));
    assertEquals(
        List.of("hello world", "how are you"), finals.stream().map(c -> c.text()).toList());
    assertEquals(2, collector.stats().finalCues());
    assertEquals(3, collector.stats().partialRevisions());
  }

  @Test
  void redeliveredRevisionsAreCountedOnceAndStalePartialsIgnored() {
    CueRevision partial = cue("s", 0, 1, false, 0, 900, "newer");
    collector.accept(partial);
    collector.accept(partial);
    collector.accept(cue("s", 0, 0, false, 0, 500, "older"));
    collector.accept(cue("s", 0, 2, true, 0, 1000, "final"));
    collector.accept(cue("s", 0, 2, true, 0, 1000, "final"));
    collector.accept(cue("s", 0, 3, false, 0, 1100, "a partial after the final"));
    CueCollector.CueStats stats = collector.stats();
    assertEquals(2, stats.duplicateRecords());
    assertEquals(1, stats.partialRevisions(), "older partials and partials after the final");
    assertEquals(1, stats.finalCues());
    assertEquals(1, stats.finalLatency().count(), "a redelivered final is measured once");
    assertEquals(1, printed.toString().lines().count(), printed.toString());
  }

  @Test
  void aFinalWithoutTextWithdrawsTheCue() {
    collector.accept(cue("s", 0, 0, false, 0, 500, "uh"));
    collector.accept(cue("s", 0, 1, true, 0, 500));
    assertTrue(collector.finalCues().get(new TimelineKey("s", "en")).isEmpty());
    assertEquals(1, collector.stats().withdrawnCues());
    assertEquals("", printed.toString(), "nothing final to print");
  }

  @Test
  void finalLinesArePrintedWithStreamAndMediaTimes() {
    collector.accept(cue("talk", 3, 0, true, 3_200, 5_950, "so it", "begins"));
    assertEquals("[talk en 00:00:03.2 \u2192 00:00:05.9] so it begins", printed.toString().strip());
  }

  @Test
  void latencyIsEmissionMinusCaptureTime() {
    collector.accept(new CueRevision("s", "en", 0, 0, true, 0, 1000, List.of("a"), 5_300, 5_000));
    collector.accept(
        new CueRevision("s", "en", 1, 0, true, 1000, 2000, List.of("b"), 6_900, 6_000));
    LatencyStats stats = collector.stats().finalLatency();
    assertEquals(2, stats.count());
    assertEquals(300, stats.p50Ms());
    assertEquals(900, stats.maxMs());
  }

  @Test
  void aStreamHasEndedWhenEachOfItsTimelinesHasItsMarker() throws InterruptedException {
    List<String> streams = List.of("a", "b");
    assertEquals(Set.of("a", "b"), collector.notEnded(streams), "nothing seen yet");
    collector.accept(cue("a", 0, 0, true, 0, 100, "x"));
    collector.accept(endOf("a", 200));
    assertEquals(Set.of("b"), collector.notEnded(streams));
    assertFalse(collector.awaitEnded(streams, Duration.ofMillis(50)));
    collector.accept(
        new CueRevision("b", "es", 0, 0, true, 0, 100, List.of("hola"), 0, 0)); // second language
    collector.accept(endOf("b", 300));
    assertEquals(Set.of("b"), collector.notEnded(streams), "b's Spanish timeline is still open");
    collector.accept(new CueRevision("b", "es", -1, 0, true, 300, 300, List.of(), 0, 0));
    assertTrue(collector.awaitEnded(streams, Duration.ofSeconds(1)));
  }

  @Test
  void aTranslatedLanguageThatHasNotAppearedYetKeepsTheStreamOpen() throws InterruptedException {
    List<String> streams = List.of("s");
    List<String> languages = List.of("en", "es");
    collector.accept(cue("s", 0, 0, true, 0, 100, "hello"));
    collector.accept(endOf("s", 200));
    assertEquals(Set.of(), collector.notEnded(streams), "without expected languages: ended");
    assertEquals(Set.of("s"), collector.notEnded(streams, languages), "no Spanish timeline yet");
    assertFalse(collector.awaitEnded(streams, languages, Duration.ofMillis(50)));
    collector.accept(new CueRevision("s", "es", 0, 0, true, 0, 100, List.of("hola"), 0, 0));
    assertEquals(Set.of("s"), collector.notEnded(streams, languages), "Spanish not ended");
    collector.accept(new CueRevision("s", "es", -1, 0, true, 200, 200, List.of(), 0, 0));
    assertTrue(collector.awaitEnded(streams, languages, Duration.ofSeconds(1)));
    assertEquals(Map.of("en", 1, "es", 1), collector.finalCuesByLanguage());
  }

  @Test
  void aWaiterWakesUpWhenTheMarkerArrivesFromAnotherThread() throws Exception {
    Thread feeder = new Thread(() -> collector.accept(endOf("late", 100)));
    feeder.start();
    assertTrue(collector.awaitEnded(List.of("late"), Duration.ofSeconds(30)));
    feeder.join();
  }
}
