package io.livesubs.jobs.cues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.captions.CueShaper;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.captions.ShapingViolations;
import io.livesubs.jobs.captions.TimedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixCommitterTest {

  private static final ShapingRules RULES = ShapingRules.defaults();
  private static final String SPEECH =
      "the committee met on tuesday to discuss the budget for the coming year and after a long"
          + " debate they agreed to postpone the decision";

  /** The first {@code n} words of SPEECH, 300 ms each with 100 ms between; word i shifted. */
  private static List<TimedWord> words(int n, int shifted, long shiftMs) {
    String[] tokens = SPEECH.split(" ");
    List<TimedWord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = 1_000 + i * 400L + (i == shifted ? shiftMs : 0);
      out.add(new TimedWord(tokens[i], start, start + 300));
    }
    return out;
  }

  private static PrefixCommitter committer(int fillPercent) {
    return new PrefixCommitter(
        new CueShaper(RULES), new CommitSettings(CommitPolicy.AGREEMENT, 3, 300, 30, fillPercent));
  }

  @Test
  void agreementNeedsTheSameWordsAtTheSameTimes() {
    PrefixCommitter c = committer(0);
    assertEquals(10, c.agreement(words(10, -1, 0), words(12, -1, 0)));
    assertEquals(4, c.agreement(words(10, 4, 31), words(12, -1, 0)), "31 ms apart");
    assertEquals(10, c.agreement(words(10, 4, 30), words(12, -1, 0)), "30 ms apart");
  }

  @Test
  void onlyCompleteCuesOfTheAgreedWordsAreCommitted() {
    PrefixCommitter c = committer(0);
    assertEquals(List.of(), c.commit(words(6, -1, 0), words(8, -1, 0), PhraseContext.none()));
    List<TimedWord> current = words(24, -1, 0);
    List<ShapedCue> cues = c.commit(words(22, -1, 0), current, PhraseContext.none());
    assertTrue(!cues.isEmpty(), "22 agreed words are more than one cue");
    List<TimedWord> committed = cues.stream().flatMap(q -> q.words().stream()).toList();
    assertTrue(committed.size() < 22, "the last cue of the agreed words waits: " + cues);
    assertEquals(current.subList(0, committed.size()), committed);
    assertEquals(List.of(), ShapingViolations.checkSequence(cues, RULES));
    assertTrue(
        cues.get(cues.size() - 1).endMs() <= current.get(committed.size()).startMs(),
        "a committed cue leaves the next word's time free");
  }

  @Test
  void aPauseOrAFilledCueCommitsAllAgreedWords() {
    List<TimedWord> previous = words(5, -1, 0);
    List<TimedWord> paused = new ArrayList<>(words(5, -1, 0));
    paused.add(new TimedWord("later", 3_200, 3_500)); // 300 ms after the 5th word ends
    assertEquals(
        5, committer(0).commit(previous, paused, PhraseContext.none()).get(0).words().size());
    List<TimedWord> goesOn = words(6, -1, 0);
    assertEquals(List.of(), committer(0).commit(previous, goesOn, PhraseContext.none()));
    // "the committee met on tuesday" is 28 characters: a third of the 84 a cue holds.
    assertEquals(List.of(), committer(40).commit(previous, goesOn, PhraseContext.none()));
    assertEquals(1, committer(30).commit(previous, goesOn, PhraseContext.none()).size());
  }

  @Test
  void wordsInsideTheCommittedRegionAreDroppedByTheirMidpoint() {
    List<TimedWord> w =
        List.of(
            new TimedWord("tuesday", 2_000, 2_400),
            new TimedWord("tuesday", 2_010, 2_450),
            new TimedWord("to", 2_380, 2_500),
            new TimedWord("discuss", 2_500, 2_900));
    assertEquals(
        List.of("to", "discuss"),
        PrefixCommitter.uncommitted(w, 2_400).stream().map(TimedWord::text).toList());
    assertEquals(w, PrefixCommitter.uncommitted(w, CueCursor.NONE));
  }
}
