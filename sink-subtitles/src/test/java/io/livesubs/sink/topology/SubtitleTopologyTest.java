package io.livesubs.sink.topology;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.query.TimelineDocuments;
import io.livesubs.sink.query.TimelineQueries;
import io.livesubs.sink.query.TimelineQueries.Change;
import io.livesubs.sink.testing.TopologyHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubtitleTopologyTest {

  @TempDir Path stateDir;

  private final List<String> notified = new ArrayList<>();
  private TopologyHarness harness;
  private TimelineQueries queries;
  private TimelineDocuments documents;

  @BeforeEach
  void start() throws Exception {
    harness =
        new TopologyHarness(
            stateDir,
            SubtitleConfig.defaults(),
            (stream, lang, seq) -> notified.add(stream + "/" + lang + "#" + seq));
    queries = harness.queries();
    documents = harness.documents();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private StoredCue onlyCue() {
    List<StoredCue> cues = queries.cues("s1", "en");
    assertEquals(1, cues.size(), "cues: " + cues);
    return cues.get(0);
  }

  private TimelineState state() {
    return queries.timeline("s1", "en").orElseThrow();
  }

  @Test
  void laterRevisionReplacesEarlierOne() {
    harness.pipe(cue(0, 0, false, 0, 800, "hel"), cue(0, 1, false, 0, 1200, "hello"));
    StoredCue stored = onlyCue();
    assertEquals(1, stored.revision());
    assertEquals(List.of("hello"), stored.lines());
    assertEquals(1200, stored.endMs());
    List<Change> changes = queries.changesAfter("s1", "en", 0, 100);
    assertEquals(1, changes.size(), "one change-index entry per cue: " + changes);
    assertEquals(2, changes.get(0).changeSeq());
  }

  @Test
  void duplicatesChangeNothing() {
    SubtitleCue fin = cue(0, 2, true, 0, 1000, "hello");
    harness.pipe(fin);
    String vtt = documents.webVtt("s1", "en").orElseThrow();
    long changeSeq = state().lastChangeSeq();
    harness.pipe(fin, fin);
    assertEquals(vtt, documents.webVtt("s1", "en").orElseThrow());
    assertEquals(changeSeq, state().lastChangeSeq());
    assertEquals(2, state().ignoredUpdates());
    assertEquals(List.of("s1/en#1"), notified, "duplicates are not pushed");
  }

  @Test
  void outOfOrderRevisionsKeepTheHighest() {
    harness.pipe(cue(0, 2, false, 0, 1500, "rev two"), cue(0, 1, false, 0, 1000, "rev one"));
    assertEquals(2, onlyCue().revision());
    assertEquals(List.of("rev two"), onlyCue().lines());
  }

  @Test
  void finalBeatsPartialsAndIsNeverReplacedByOne() {
    harness.pipe(cue(0, 5, false, 0, 1000, "partial five"), cue(0, 2, true, 0, 900, "final"));
    assertTrue(onlyCue().finalCue());
    harness.pipe(cue(0, 9, false, 0, 1000, "late partial"));
    assertTrue(onlyCue().finalCue());
    assertEquals(List.of("final"), onlyCue().lines());
    String vtt = documents.webVtt("s1", "en").orElseThrow();
    assertTrue(vtt.contains("final"), vtt);
    assertFalse(vtt.contains("partial"), vtt);
  }

  @Test
  void documentsHoldFinalCuesOnlyInTimeOrder() {
    harness.pipe(
        cue(1, 0, true, 3000, 4000, "second"),
        cue(0, 0, true, 1000, 2000, "first"),
        cue(2, 0, false, 5000, 6000, "still partial"));
    String vtt = documents.webVtt("s1", "en").orElseThrow();
    assertTrue(vtt.indexOf("first") < vtt.indexOf("second"), vtt);
    assertFalse(vtt.contains("still partial"), vtt);
    String srt = documents.srt("s1", "en").orElseThrow();
    assertTrue(srt.startsWith("1\n00:00:01,000 --> 00:00:02,000\nfirst\n"), srt);
  }

  @Test
  void segmentsAreCutAtBoundariesAndRepeatSpanningCues() {
    harness.pipe(
        cue(0, 0, true, 1000, 2000, "early"),
        cue(1, 0, true, 5000, 7000, "spans"),
        cue(2, 0, true, 13_000, 14_000, "third"));
    // Final cues reach 14 s: segments 0 [0,6) and 1 [6,12) are complete, 2 is not.
    TimelineDocuments.Segment seg0 = documents.segment("s1", "en", 0);
    TimelineDocuments.Segment seg1 = documents.segment("s1", "en", 1);
    assertEquals(TimelineDocuments.SegmentStatus.OK, seg0.status());
    assertTrue(
        seg0.body().startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n"));
    assertTrue(seg0.body().contains("0\n00:00:01.000 --> 00:00:02.000\nearly\n"), seg0.body());
    assertTrue(seg0.body().contains("1\n00:00:05.000 --> 00:00:06.000\nspans\n"), seg0.body());
    assertTrue(seg1.body().startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:1440000,"), seg1.body());
    assertTrue(seg1.body().contains("1\n00:00:00.000 --> 00:00:01.000\nspans\n"), seg1.body());
    assertFalse(seg1.body().contains("early"), seg1.body());
    assertEquals(
        TimelineDocuments.SegmentStatus.NOT_PUBLISHED, documents.segment("s1", "en", 2).status());
    String playlist = documents.playlist("s1", "en").orElseThrow();
    assertTrue(playlist.contains("#EXTINF:6.000,\n0.vtt\n#EXTINF:6.000,\n1.vtt\n"), playlist);
    assertFalse(playlist.contains("2.vtt"), playlist);
  }

  @Test
  void endOfStreamAddsEndListAndTheLastShortSegment() {
    harness.pipe(cue(0, 0, true, 1000, 2000, "a"), cue(1, 0, true, 13_000, 14_000, "b"));
    assertFalse(documents.playlist("s1", "en").orElseThrow().contains("#EXT-X-ENDLIST"));
    harness.pipe(CueConventions.endOfStream("s1", "en", 15_000, 0));
    String playlist = documents.playlist("s1", "en").orElseThrow();
    assertTrue(playlist.endsWith("#EXTINF:3.000,\n2.vtt\n#EXT-X-ENDLIST\n"), playlist);
    TimelineDocuments.Segment last = documents.segment("s1", "en", 2);
    assertTrue(last.body().contains("1\n00:00:01.000 --> 00:00:02.000\nb\n"), last.body());
    assertTrue(state().ended());
    List<Change> changes = queries.changesAfter("s1", "en", 0, 100);
    assertTrue(changes.get(changes.size() - 1).endOfStream(), "end is a change: " + changes);
    long seq = state().lastChangeSeq();
    harness.pipe(CueConventions.endOfStream("s1", "en", 15_000, 0));
    assertEquals(seq, state().lastChangeSeq(), "a repeated end marker changes nothing");
  }

  @Test
  void aFinalCueWithoutLinesWithdrawsItsPartialsAndShowsNothing() {
    // The job withdraws a partial whose phrase recognised no words with a final, empty revision.
    harness.pipe(cue(0, 0, false, 1000, 1800, "uh"), cue(1, 0, true, 3000, 4000, "kept"));
    assertTrue(documents.webVtt("s1", "en").orElseThrow().contains("kept"));
    harness.pipe(cue(0, 1, true, 1000, 1800));
    StoredCue withdrawn = queries.cues("s1", "en").get(0);
    assertTrue(withdrawn.finalCue());
    assertEquals(List.of(), withdrawn.lines());
    String vtt = documents.webVtt("s1", "en").orElseThrow();
    assertFalse(vtt.contains("uh"), vtt);
    assertFalse(vtt.contains("00:00:01.000 -->"), "an empty cue is not written: " + vtt);
    String srt = documents.srt("s1", "en").orElseThrow();
    assertTrue(srt.startsWith("1\n00:00:03,000 --> 00:00:04,000\nkept\n"), srt);
    harness.pipe(CueConventions.endOfStream("s1", "en", 5_000, 0));
    TimelineDocuments.Segment seg0 = documents.segment("s1", "en", 0);
    assertEquals(TimelineDocuments.SegmentStatus.OK, seg0.status());
    assertTrue(seg0.body().contains("kept"), seg0.body());
    assertFalse(seg0.body().contains("00:00:01.000 -->"), seg0.body());
  }

  @Test
  void progressMarkerAdvancesThePlaylistThroughSilence() {
    harness.pipe(cue(0, 0, true, 1000, 2000, "a"));
    assertEquals(0, documents.segment("s1", "en", 0).publishedSegments());
    harness.pipe(CueConventions.progress("s1", "en", 12_500, 0));
    assertEquals(2, documents.segment("s1", "en", 0).publishedSegments());
  }

  @Test
  void invalidRecordsAreDroppedAndProcessingGoesOn() {
    harness.pipe("other-key", cue(0, 0, true, 0, 1000, "wrong key"));
    harness.pipe(cue("s1", "EN", 0, 0, true, 0, 1000, "bad language"));
    harness.pipe(cue(1, 0, true, 2000, 1000, "inverted times"));
    harness.pipe(cue(2, 0, true, 2000, 3000, "good"));
    List<StoredCue> cues = queries.cues("s1", "en");
    assertEquals(1, cues.size(), "cues: " + cues);
    assertEquals(List.of("good"), cues.get(0).lines());
    assertEquals(1, queries.allTimelines().size());
  }

  @Test
  void languagesAndStreamsAreSeparateTimelines() {
    harness.pipe(
        cue("s1", "en", 0, 0, true, 0, 1000, "hello"),
        cue("s1", "es", 0, 0, true, 0, 1000, "hola"),
        cue("s1-b", "en", 0, 0, true, 0, 1000, "other stream"));
    assertEquals(List.of("hola"), queries.cues("s1", "es").get(0).lines());
    assertEquals(List.of("hello"), queries.cues("s1", "en").get(0).lines());
    assertEquals(2, queries.timelinesOf("s1").size());
    assertEquals(1, queries.timelinesOf("s1-b").size());
    assertEquals(3, queries.allTimelines().size());
  }

  @Test
  void redeliveryOfEverythingRebuildsTheSameView() {
    List<SubtitleCue> run =
        List.of(
            cue(0, 0, false, 0, 500, "he"),
            cue(0, 1, true, 0, 900, "hello"),
            cue(1, 0, false, 1000, 1500, "wor"),
            cue(1, 1, false, 1000, 1800, "world"),
            cue(1, 2, true, 1000, 2000, "world!"),
            CueConventions.endOfStream("s1", "en", 2500, 0));
    run.forEach(harness::pipe);
    String vtt = documents.webVtt("s1", "en").orElseThrow();
    String playlist = documents.playlist("s1", "en").orElseThrow();
    List<Change> changes = queries.changesAfter("s1", "en", 0, 100);
    // At-least-once delivery after a crash replays records the stores already saw.
    run.forEach(harness::pipe);
    assertEquals(vtt, documents.webVtt("s1", "en").orElseThrow());
    assertEquals(playlist, documents.playlist("s1", "en").orElseThrow());
    assertEquals(changes, queries.changesAfter("s1", "en", 0, 100));
  }

  @Test
  void changesAfterAnIdSkipWhatWasSeen() {
    harness.pipe(cue(0, 0, true, 0, 1000, "a"), cue(1, 0, false, 1000, 2000, "b"));
    harness.pipe(cue(1, 1, true, 1000, 2000, "b!"), cue(2, 0, true, 2000, 3000, "c"));
    List<Change> all = queries.changesAfter("s1", "en", 0, 100);
    assertEquals(List.of(1L, 3L, 4L), all.stream().map(Change::changeSeq).toList());
    List<Change> after = queries.changesAfter("s1", "en", 3, 100);
    assertEquals(1, after.size());
    assertEquals(List.of("c"), after.get(0).cue().lines());
  }
}
