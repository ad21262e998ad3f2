package io.livesubs.jobs.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueShaperTest {

  private static final String NEWS =
      "Good evening and welcome to the late news. Heavy rain has flooded several roads in the"
          + " north of the city, and the police are asking drivers to stay at home tonight."
          + " Engineers say the water should start to fall by tomorrow morning. Meanwhile, the"
          + " council has opened two shelters for families who had to leave their houses, and"
          + " volunteers are bringing blankets and hot food to everyone who needs them.";

  private final ShapingRules rules = ShapingRules.defaults();
  private final CueShaper shaper = new CueShaper(rules);

  @Test
  void longParagraphGivesCuesThatKeepEveryRule() {
    List<TimedWord> words = SpeechFixture.conversational().speak(NEWS, 5_000);
    assertTrue(words.size() >= 60, "fixture should be a 60-word paragraph, has " + words.size());
    double wordsPerSecond =
        words.size() * 1000.0 / (words.get(words.size() - 1).endMs() - words.get(0).startMs());
    assertTrue(wordsPerSecond > 2.5 && wordsPerSecond < 3.5, "about 3 words/s: " + wordsPerSecond);

    List<ShapedCue> cues = shaper.shape(words);

    assertEquals(words, SpeechFixture.wordsOf(cues));
    assertEquals(List.of(), ShapingViolations.checkSequence(cues, rules));
    for (ShapedCue cue : cues) {
      // This speech has room to breathe, so even the excusable rules hold for every cue.
      assertEquals(List.of(), ShapingViolations.check(cue, rules), cue.toString());
      assertTrue(cue.startMs() >= cue.words().get(0).startMs());
    }
    for (int k = 1; k < cues.size(); k++) {
      assertTrue(cues.get(k).startMs() - cues.get(k - 1).endMs() >= rules.minGapMs());
    }
  }

  @Test
  void cuesEndAtSentenceEndsWhenEachSentenceFitsACue() {
    String text =
        "The museum opens at nine. Tickets are sold at the front desk. Children under ten get in"
            + " for free. Please do not touch the paintings. The cafe on the top floor closes at"
            + " five.";
    List<ShapedCue> cues = shaper.shape(SpeechFixture.conversational().speak(text, 0));
    for (ShapedCue cue : cues) {
      String last = cue.words().get(cue.words().size() - 1).text();
      assertTrue(last.endsWith("."), "cue should end a sentence: " + cue.lines());
    }
  }

  @Test
  void cutsAtALongPauseWhenTheTextHasNoPunctuation() {
    // Nonsense words carry no linguistic hint; 20 words of 6 characters need two cues.
    List<TimedWord> words = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 20; i++) {
      String word = "wor" + (char) ('a' + i) + "zz";
      words.add(new TimedWord(word, t, t + 280));
      t += 320 + (i == 9 ? 1_500 : 0);
    }
    List<ShapedCue> cues = shaper.shape(words);
    assertEquals(2, cues.size(), cues.toString());
    assertEquals(words.subList(0, 10), cues.get(0).words());
  }

  @Test
  void shortCueIsExtendedIntoSilenceToTheMinimumDuration() {
    List<ShapedCue> cues = shaper.shape(List.of(new TimedWord("Yes.", 10_000, 10_300)));
    assertEquals(1, cues.size());
    assertEquals(10_000, cues.get(0).startMs());
    assertEquals(10_000 + rules.minDurationMs(), cues.get(0).endMs());
  }

  @Test
  void cueIsExtendedForReadingButNotPastTheNextSpeech() {
    List<TimedWord> words =
        SpeechFixture.veryFast().speak("Hello there, how are you doing today?", 0);
    long lastEnd = words.get(words.size() - 1).endMs();

    ShapedCue free = shaper.shape(words).get(0);
    long readingMs = (long) Math.ceil(free.charCount() * 1000.0 / rules.maxCharsPerSecond());
    assertTrue(readingMs > lastEnd, "fixture: reading needs longer than the speech");
    assertEquals(readingMs, free.durationMs());

    long nextSpeech = lastEnd + 200;
    ShapedCue bounded =
        shaper.shape(words, PhraseContext.none().withNextSpeechStart(nextSpeech)).get(0);
    assertEquals(nextSpeech - rules.minGapMs(), bounded.endMs());
  }

  @Test
  void extensionStopsAtTheTrailLimitAndTheCueIsThenAllowedToBeFast() {
    // 80 characters of speech in 2 s: reading needs 4.7 s, but only 1.5 s of trail is allowed.
    List<TimedWord> words = new ArrayList<>();
    String[] tokens =
        "Quickly now, everybody grab your bags and run towards the exit at the back".split(" ");
    for (int i = 0; i < tokens.length; i++) {
      words.add(
          new TimedWord(
              tokens[i], i * 2_000L / tokens.length, (i + 1) * 2_000L / tokens.length - 10));
    }
    List<ShapedCue> cues = shaper.shape(words);
    ShapedCue last = cues.get(cues.size() - 1);
    assertEquals(words.get(words.size() - 1).endMs() + rules.maxTrailMs(), last.endMs());
    assertEquals(List.of(), ShapingViolations.checkSequence(cues, rules));
  }

  @Test
  void firstCueKeepsTheGapAfterThePreviousCue() {
    List<TimedWord> words =
        SpeechFixture.conversational().speak("And then it happened again.", 3_000);
    List<ShapedCue> cues = shaper.shape(words, PhraseContext.none().withPreviousCueEnd(2_990));
    assertEquals(2_990 + rules.minGapMs(), cues.get(0).startMs());
  }

  @Test
  void veryFastSpeechIsCoveredWithoutOverlapAndOnlyExcusedRateViolations() {
    String text =
        "going once going twice at four hundred do I hear four fifty four fifty from the lady at"
            + " the back five hundred now five fifty anyone six hundred on the phone six fifty in"
            + " the room seven hundred";
    List<TimedWord> words = SpeechFixture.veryFast().speak(text, 0);
    double wordsPerSecond = words.size() * 1000.0 / words.get(words.size() - 1).endMs();
    assertTrue(wordsPerSecond > 5.5, "fixture: a very fast talker, " + wordsPerSecond + " words/s");

    List<ShapedCue> cues = shaper.shape(words);

    assertEquals(words, SpeechFixture.wordsOf(cues));
    assertEquals(List.of(), ShapingViolations.checkSequence(cues, rules));
    assertTrue(
        cues.stream().anyMatch(c -> c.charsPerSecond() > rules.maxCharsPerSecond()),
        "the reading-rate limit cannot be met for this speech");
    for (ShapedCue cue : cues) {
      assertTrue(cue.lines().size() <= 2 && cue.lines().stream().allMatch(l -> l.length() <= 42));
    }
  }

  @Test
  void wordTooLongForAWholeCueIsCutIntoCueSizedPieces() {
    String url = "https://example.org/" + "a".repeat(150);
    List<TimedWord> words = List.of(new TimedWord("see", 0, 300), new TimedWord(url, 400, 3_400));
    List<ShapedCue> cues = shaper.shape(words);

    StringBuilder pieces = new StringBuilder();
    for (ShapedCue cue : cues) {
      assertEquals(
          List.of(),
          ShapingViolations.check(cue, rules).stream()
              .filter(v -> !v.rule().excusableWhenBlocked())
              .toList());
      cue.words().stream()
          .filter(w -> !w.text().equals("see"))
          .forEach(w -> pieces.append(w.text()));
    }
    assertEquals(url, pieces.toString());
  }

  @Test
  void emptyPhraseGivesNoCues() {
    assertEquals(List.of(), shaper.shape(List.of()));
  }

  @Test
  void wordsOutOfOrderAreRejected() {
    List<TimedWord> words = List.of(new TimedWord("b", 500, 600), new TimedWord("a", 100, 200));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> shaper.shape(words));
    assertTrue(e.getMessage().contains("start order"), e.getMessage());
  }
}
