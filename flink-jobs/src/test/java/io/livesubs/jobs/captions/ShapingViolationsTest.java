package io.livesubs.jobs.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.captions.ShapingViolations.Rule;
import io.livesubs.jobs.captions.ShapingViolations.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapingViolationsTest {

  private final ShapingRules rules = ShapingRules.defaults();

  @Test
  void goodCueHasNoViolations() {
    ShapedCue cue = cue(0, 2_000, List.of("Nice to meet you."), word("Nice", 0, 1_500));
    assertEquals(List.of(), ShapingViolations.check(cue, rules));
  }

  @Test
  void eachBrokenRuleIsReported() {
    assertEquals(
        List.of(Rule.TOO_MANY_LINES),
        rules(cue(0, 3_000, List.of("one", "two", "three"), word("one", 0, 2_000))));
    assertEquals(
        List.of(Rule.LINE_TOO_LONG, Rule.TOO_FAST),
        rules(cue(0, 2_000, List.of("x".repeat(43)), word("x", 0, 1_900))));
    assertEquals(
        List.of(Rule.BLANK_LINE),
        rules(cue(0, 2_000, List.of("fine", " "), word("fine", 0, 1_900))));
    assertEquals(
        List.of(Rule.TOO_LONG), rules(cue(0, 7_001, List.of("long"), word("long", 0, 6_000))));
    assertEquals(List.of(Rule.TOO_SHORT), rules(cue(0, 999, List.of("hi"), word("hi", 0, 500))));
    assertEquals(
        List.of(Rule.TRAILS_SPEECH), rules(cue(0, 2_600, List.of("ok"), word("ok", 0, 1_000))));
    assertEquals(
        List.of(Rule.LEADS_SPEECH), rules(cue(0, 3_000, List.of("ok"), word("ok", 1_600, 2_000))));
  }

  @Test
  void readingRateCountsSpacesButNotLineBreaks() {
    // 17 characters in exactly one second is allowed; 18 is not.
    ShapedCue exact = cue(0, 1_000, List.of("abcdefgh", "ij klmno"), word("a", 0, 900));
    assertEquals(16, exact.charCount());
    assertEquals(
        List.of(), rules(cue(0, 1_000, List.of("abcdefgh", "ij klmnop"), word("a", 0, 900))));
    assertEquals(
        List.of(Rule.TOO_FAST),
        rules(cue(0, 1_000, List.of("abcdefgh", "ij klmnopq"), word("a", 0, 900))));
  }

  @Test
  void sequenceReportsOverlapsAndTooSmallGaps() {
    ShapedCue first = cue(0, 2_000, List.of("first"), word("first", 0, 1_900));
    ShapedCue tooClose = cue(2_050, 4_000, List.of("second"), word("second", 2_050, 3_900));
    List<Violation> found = ShapingViolations.checkSequence(List.of(first, tooClose), rules);
    assertEquals(List.of(Rule.GAP_TOO_SMALL), found.stream().map(Violation::rule).toList());
    assertTrue(found.get(0).detail().startsWith("cue 1:"), found.toString());

    List<Violation> afterPrevious =
        ShapingViolations.checkSequence(
            List.of(first), rules, PhraseContext.none().withPreviousCueEnd(-0 + 10));
    assertEquals(List.of(Rule.GAP_TOO_SMALL), afterPrevious.stream().map(Violation::rule).toList());
  }

  @Test
  void fastCueIsExcusedOnlyWhenItsEndWasBlocked() {
    // 40 characters in 1.5 s is too fast; the next cue starts right after the minimum gap.
    ShapedCue fast = cue(0, 1_500, List.of("x".repeat(40)), word("x", 0, 1_450));
    ShapedCue next = cue(1_580, 3_580, List.of("next"), word("next", 1_580, 3_000));
    assertEquals(List.of(), ShapingViolations.checkSequence(List.of(fast, next), rules));

    ShapedCue later = cue(2_500, 4_500, List.of("later"), word("later", 2_500, 4_000));
    assertEquals(
        List.of(Rule.TOO_FAST),
        ShapingViolations.checkSequence(List.of(fast, later), rules).stream()
            .map(Violation::rule)
            .toList());

    // At the trail limit the cue may not be extended either.
    ShapedCue trailBound =
        cue(0, 2_950, List.of("x".repeat(30), "y".repeat(30)), word("x", 0, 1_450));
    assertEquals(List.of(), ShapingViolations.checkSequence(List.of(trailBound), rules));
  }

  @Test
  void lastCueMustNotRunIntoTheNextSpeech() {
    ShapedCue cue = cue(0, 2_000, List.of("first"), word("first", 0, 1_900));
    PhraseContext next = PhraseContext.none().withNextSpeechStart(2_050);
    assertEquals(
        List.of(Rule.RUNS_INTO_NEXT_SPEECH),
        ShapingViolations.checkSequence(List.of(cue), rules, next).stream()
            .map(Violation::rule)
            .toList());
  }

  private List<Rule> rules(ShapedCue cue) {
    return ShapingViolations.check(cue, rules).stream().map(Violation::rule).toList();
  }

  private static ShapedCue cue(long start, long end, List<String> lines, TimedWord word) {
    return new ShapedCue(start, end, lines, List.of(word));
  }

  private static TimedWord word(String text, long start, long end) {
    return new TimedWord(text, start, end);
  }
}
