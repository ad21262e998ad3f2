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

  /** Audio recognised up to here: 1 s after the 24 words of {@link #words} end. */
  private static final long NOW = 11_000;

  private static PrefixCommitter committer(int fillPercent) {
    return new PrefixCommitter(
        new CueShaper(RULES),
        new CommitSettings(CommitPolicy.AGREEMENT, 3, 300, 30, fillPercent, 0));
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
    assertEquals(
        List.of(), c.commit(words(6, -1, 0), words(8, -1, 0), NOW, 0, PhraseContext.none()));
    List<TimedWord> current = words(24, -1, 0);
    List<ShapedCue> cues = c.commit(words(22, -1, 0), current, NOW, 0, PhraseContext.none());
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
        5,
        committer(0).commit(previous, paused, NOW, 0, PhraseContext.none()).get(0).words().size());
    List<TimedWord> goesOn = words(6, -1, 0);
    assertEquals(List.of(), committer(0).commit(previous, goesOn, NOW, 0, PhraseContext.none()));
    // "the committee met on tuesday" is 28 characters: a third of the 84 a cue holds.
    assertEquals(List.of(), committer(40).commit(previous, goesOn, NOW, 0, PhraseContext.none()));
    assertEquals(1, committer(30).commit(previous, goesOn, NOW, 0, PhraseContext.none()).size());
  }

  @Test
  void aFilledCueIsCommittedWithoutWaitingForTheNextWordButNeverTheLastWord() {
    // A confirmed hypothesis: both looks gave the same 6 words and nothing after them yet. Its
    // last word ("to") may still grow, so the 5 before it (28 characters) form the cue.
    List<TimedWord> confirmed = words(6, -1, 0);
    List<ShapedCue> cues = committer(30).commit(confirmed, confirmed, NOW, 0, PhraseContext.none());
    assertEquals(1, cues.size());
    assertEquals(confirmed.subList(0, 5), cues.get(0).words());
    assertEquals(List.of(), ShapingViolations.checkSequence(cues, RULES));
    assertTrue(cues.get(0).endMs() < confirmed.get(5).startMs(), "the held word's time is free");
    assertEquals(
        List.of(),
        committer(40).commit(confirmed, confirmed, NOW, 0, PhraseContext.none()),
        "28 characters do not fill 40 % of a cue: the cue waits for more words");
    assertEquals(
        List.of(), committer(0).commit(confirmed, confirmed, NOW, 0, PhraseContext.none()));
    List<TimedWord> three = words(3, -1, 0);
    assertEquals(
        List.of(),
        committer(1).commit(three, three, NOW, 0, PhraseContext.none()),
        "without its last word the hypothesis has fewer than the 3 words a commit needs");
  }

  @Test
  void theLastWordIsAgreedOnceItHasSettled() {
    PrefixCommitter settling =
        new PrefixCommitter(
            new CueShaper(RULES), new CommitSettings(CommitPolicy.AGREEMENT, 3, 300, 30, 30, 600));
    // 5 words, 28 characters: a full cue at 30 %, but only with the 5th word (4 are 20).
    List<TimedWord> confirmed = words(5, -1, 0); // the 5th word ends at 2900 ms
    assertEquals(
        List.of(),
        settling.commit(confirmed, confirmed, 3_499, 0, PhraseContext.none()),
        "599 ms after the last word it may still change");
    List<ShapedCue> cues = settling.commit(confirmed, confirmed, 3_500, 0, PhraseContext.none());
    assertEquals(1, cues.size());
    assertEquals(confirmed, cues.get(0).words(), "600 ms after it, it is agreed");
    List<TimedWord> four = words(4, -1, 0);
    assertEquals(
        List.of(),
        settling.commit(four, four, 60_000, 0, PhraseContext.none()),
        "settled words are agreed, not followed by a pause: a cue short of full still waits");
    assertEquals(
        List.of(),
        committer(30).commit(confirmed, confirmed, 60_000, 0, PhraseContext.none()),
        "without a settle time the last word waits for the next one however long");
  }

  @Test
  void theLastWordIsAgreedAtOnceWhenTheEngineHasHeardAWordAfterIt() {
    // The same 5 words (28 characters, a full cue at 30 % only with the 5th), 100 ms after the
    // last one ends: without a word heard ahead it waits; with one, the engine knows the word is
    // followed by speech, so it will not grow into it.
    List<TimedWord> confirmed = words(5, -1, 0);
    assertEquals(
        List.of(), committer(30).commit(confirmed, confirmed, 3_000, 0, PhraseContext.none()));
    List<ShapedCue> cues =
        committer(30).commit(confirmed, confirmed, 3_000, 1, PhraseContext.none());
    assertEquals(1, cues.size());
    assertEquals(confirmed, cues.get(0).words());
    assertEquals(List.of(), ShapingViolations.checkSequence(cues, RULES));
    List<TimedWord> before = words(4, -1, 0);
    assertEquals(
        List.of(),
        committer(30).commit(before, confirmed, 3_000, 1, PhraseContext.none()),
        "a word heard ahead does not make a word agreed that only one hypothesis has");
  }
}
