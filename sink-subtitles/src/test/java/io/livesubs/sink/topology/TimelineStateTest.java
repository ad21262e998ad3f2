package io.livesubs.sink.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineStateTest {

  private static StoredCue stored(long seq, int rev, boolean fin, long start, long end, long chg) {
    return new StoredCue(seq, rev, fin, start, end, List.of("t"), "e", 0, 0, chg);
  }

  @Test
  void finalisedTimeFollowsFinalCuesButStopsAtAnOpenPartial() {
    TimelineState s = TimelineState.initial("s", "en");
    s = s.afterCue(null, stored(0, 0, true, 0, 4000, 1));
    assertEquals(4000, s.finalisedMs());
    s = s.afterCue(null, stored(1, 0, false, 4500, 6000, 2));
    assertEquals(4000, s.finalisedMs());
    s = s.afterCue(null, stored(2, 0, true, 7000, 9000, 3));
    // Cue 1 was overtaken by final cue 2: the producer abandoned it.
    assertTrue(s.openPartials().isEmpty());
    assertEquals(9000, s.finalisedMs());
  }

  @Test
  void openPartialHoldsBackFinalisedTimeUntilItIsFinal() {
    TimelineState s = TimelineState.initial("s", "en");
    s = s.afterCue(null, stored(0, 0, true, 0, 4000, 1));
    StoredCue partial = stored(1, 0, false, 5000, 6000, 2);
    s = s.afterCue(null, partial);
    s = s.afterProgress(20_000);
    assertEquals(5000, s.finalisedMs(), "the partial starting at 5000 holds the progress back");
    s = s.afterCue(partial, stored(1, 1, true, 5000, 6500, 3));
    assertEquals(20_000, s.finalisedMs(), "the progress marker counts once nothing is open");
    assertEquals(2, s.cueCount());
    assertEquals(2, s.finalCueCount());
    assertEquals(3, s.lastChangeSeq());
  }

  @Test
  void endOfStreamEndsAtTheLaterOfMarkerAndCues() {
    TimelineState s = TimelineState.initial("s", "en");
    s = s.afterCue(null, stored(0, 0, true, 0, 8000, 1));
    TimelineState ended = s.afterEndOfStream(7000, 2);
    assertTrue(ended.ended());
    assertEquals(8000, ended.endMs());
    assertEquals(8000, ended.finalisedMs());
    assertEquals(9000, s.afterEndOfStream(9000, 2).finalisedMs());
  }
}
