package io.livesubs.sink.cue;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import org.junit.jupiter.api.Test;

class CueValidationTest {

  @Test
  void acceptsOrdinaryCuesAndMarkers() {
    assertNull(CueValidation.problem("s1", cue(0, 0, false, 0, 1000, "hi")));
    assertNull(CueValidation.problem("s1", CueConventions.endOfStream("s1", "en", 5000, 1)));
    assertNull(CueValidation.problem("s1", CueConventions.progress("s1", "en", 5000, 1)));
  }

  @Test
  void namesWhatIsWrong() {
    assertEquals(
        "invalid stream id '../x'",
        CueValidation.problem("../x", cue("../x", "en", 0, 0, false, 0, 1, "a")));
    assertEquals(
        "record key 'other' differs from the cue's stream id 's1'",
        CueValidation.problem("other", cue(0, 0, false, 0, 1, "a")));
    assertEquals(
        "invalid language 'EN/..'",
        CueValidation.problem("s1", cue("s1", "EN/..", 0, 0, false, 0, 1, "a")));
    assertEquals(
        "invalid media times: start 10 ms, end 5 ms",
        CueValidation.problem("s1", cue(0, 0, false, 10, 5, "a")));
    assertEquals("unknown marker cueSeq -7", CueValidation.problem("s1", cue(-7, 0, true, 0, 1)));
    assertEquals(
        "marker cue (cueSeq -1) must be final",
        CueValidation.problem("s1", cue(-1, 0, false, 0, 1)));
  }

  @Test
  void rejectsAbsurdSizes() {
    SubtitleCue huge = cue(0, 0, true, 0, 1, "x".repeat(CueValidation.MAX_TEXT_CHARS + 1));
    assertTrue(CueValidation.problem("s1", huge).contains("characters of text"));
  }

  @Test
  void markerFactoriesFollowTheConvention() {
    SubtitleCue eos = CueConventions.endOfStream("s1", "en", 42_000, 7);
    assertTrue(CueConventions.isEndOfStream(eos));
    assertTrue(CueConventions.isMarker(eos));
    assertTrue(eos.getIsFinal());
    assertTrue(eos.getLines().isEmpty());
    assertEquals(42_000, eos.getEndMs());
    assertFalse(CueConventions.isMarker(cue(0, 0, true, 0, 1, "a")));
    assertThrows(
        IllegalArgumentException.class, () -> CueConventions.endOfStream("s1", "en", -1, 0));
  }

  @Test
  void languageRule() {
    assertTrue(Languages.isValid("en"));
    assertTrue(Languages.isValid("pt-BR"));
    assertTrue(Languages.isValid("zh-Hans"));
    assertTrue(Languages.isValid("yue"));
    assertFalse(Languages.isValid("EN"));
    assertFalse(Languages.isValid("e"));
    assertFalse(Languages.isValid("en_US"));
    assertFalse(Languages.isValid("en-"));
    assertFalse(Languages.isValid(".."));
    assertFalse(Languages.isValid("en%2F"));
    assertFalse(Languages.isValid(null));
    assertThrows(IllegalArgumentException.class, () -> Languages.validate("x/y"));
  }
}
