package io.livesubs.jobs.cues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livesubs.jobs.captions.TimedWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommittedRegionTest {

  private static List<String> texts(List<TimedWord> words) {
    return words.stream().map(TimedWord::text).toList();
  }

  @Test
  void wordsInsideTheCommittedRegionAreDroppedByTheirMidpoint() {
    List<TimedWord> w =
        List.of(
            new TimedWord("tuesday", 2_000, 2_400),
            new TimedWord("tuesday", 2_010, 2_450),
            new TimedWord("to", 2_380, 2_500),
            new TimedWord("discuss", 2_500, 2_900));
    assertEquals(List.of("to", "discuss"), texts(new CommittedRegion(2_400, "tuesday").after(w)));
    assertEquals(w, CommittedRegion.NONE.after(w));
  }

  /** {@code word} at 1300..1800 followed by "leader", as a later hypothesis gives them. */
  private static List<TimedWord> thenLeader(String word) {
    return List.of(new TimedWord(word, 1_300, 1_800), new TimedWord("leader", 1_800, 2_200));
  }

  @Test
  void theLastCommittedWordReTimedPastItsMidpointIsDroppedToo() {
    // "glorious" was committed at 1000..1400; the engine then placed it at 1300..1800 (its midpoint
    // past the region's end), as it does when it commits to a word only after hearing the next.
    CommittedRegion glorious = new CommittedRegion(1_400, "glorious");
    assertEquals(List.of("leader"), texts(glorious.after(thenLeader("glorious"))));
    // Another word there is new speech; so is the same word said again after the region.
    assertEquals(List.of("famous", "leader"), texts(glorious.after(thenLeader("famous"))));
    assertEquals(
        List.of("glorious", "leader"),
        texts(new CommittedRegion(1_300, "glorious").after(thenLeader("glorious"))));
  }
}
