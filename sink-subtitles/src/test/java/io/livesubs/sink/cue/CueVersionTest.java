package io.livesubs.sink.cue;

import static io.livesubs.sink.cue.CueVersion.Decision.DUPLICATE;
import static io.livesubs.sink.cue.CueVersion.Decision.INSERT;
import static io.livesubs.sink.cue.CueVersion.Decision.REPLACE;
import static io.livesubs.sink.cue.CueVersion.Decision.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CueVersionTest {

  private static CueVersion partial(int revision) {
    return new CueVersion(false, revision);
  }

  private static CueVersion fin(int revision) {
    return new CueVersion(true, revision);
  }

  @Test
  void newCueIsInserted() {
    assertEquals(INSERT, CueVersion.decide(null, partial(0)));
  }

  @Test
  void higherRevisionReplacesLowerIsStale() {
    assertEquals(REPLACE, CueVersion.decide(partial(1), partial(2)));
    assertEquals(STALE, CueVersion.decide(partial(2), partial(1)));
  }

  @Test
  void sameVersionIsDuplicate() {
    assertEquals(DUPLICATE, CueVersion.decide(partial(3), partial(3)));
    assertEquals(DUPLICATE, CueVersion.decide(fin(3), fin(3)));
  }

  @Test
  void finalBeatsAnyPartialAndNoPartialBeatsFinal() {
    assertEquals(REPLACE, CueVersion.decide(partial(9), fin(2)));
    assertEquals(STALE, CueVersion.decide(fin(2), partial(9)));
  }

  @Test
  void finalIsOnlyReplacedByAHigherFinalRevision() {
    assertEquals(REPLACE, CueVersion.decide(fin(2), fin(3)));
    assertEquals(STALE, CueVersion.decide(fin(3), fin(2)));
  }
}
