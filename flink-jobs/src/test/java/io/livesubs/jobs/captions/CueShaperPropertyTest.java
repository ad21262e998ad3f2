package io.livesubs.jobs.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised checks of the {@link CueShaper} guarantees over many generated phrases and rules. */
class CueShaperPropertyTest {

  private static final long SEED = 0x5EED_CAB1E5L;
  private static final int ROUNDS = 1_000;
  private static final String[] VOCABULARY = {
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "because",
    "which",
    "house",
    "river",
    "weather",
    "yes.",
    "no,",
    "well,",
    "really?",
    "stop!",
    "Mr.",
    "J.",
    "it's",
    "extraordinary",
    "internationalisation",
    "x",
    "über",
    "naïve",
    "日本語",
    "\uD83D\uDE00",
    "co-operate",
    "\"quoted.\"",
    "(aside)",
    "—"
  };

  @Test
  void randomPhrasesKeepEveryPromise() {
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      ShapingRules rules = randomRules(random);
      List<TimedWord> words = randomWords(random, rules);
      PhraseContext context = randomContext(random, words, rules);
      String where =
          "round " + round + " rules=" + rules + " context=" + context + " words=" + words;

      List<ShapedCue> cues = new CueShaper(rules).shape(words, context);

      assertEquals(List.of(), ShapingViolations.checkSequence(cues, rules, context), where);
      assertCoversEveryWordInOrder(words, cues, rules, where);
      for (ShapedCue cue : cues) {
        assertTrue(cue.startMs() >= cue.words().get(0).startMs(), "leads speech: " + where);
        String shownText = String.join("", cue.lines()).replace(" ", "");
        String wordText = cue.words().stream().map(TimedWord::text).reduce("", String::concat);
        assertEquals(wordText, shownText, "lines must show exactly the cue's words: " + where);
      }
    }
  }

  @Test
  void unboundedSilenceLetsEveryCueMeetDurationAndRate() {
    // With pauses longer than the trail after every clause and short clauses, nothing blocks
    // extension, so even the excusable rules must hold for each cue on its own.
    Random random = new Random(SEED + 1);
    ShapingRules rules = ShapingRules.defaults();
    for (int round = 0; round < 300; round++) {
      List<TimedWord> words = new ArrayList<>();
      long t = random.nextInt(10_000);
      int clauses = 1 + random.nextInt(6);
      for (int c = 0; c < clauses; c++) {
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
          String word = VOCABULARY[8 + random.nextInt(3)] + (i == length - 1 ? "." : "");
          long end = t + 200 + random.nextInt(300);
          words.add(new TimedWord(word, t, end));
          t = end + 20 + random.nextInt(100);
        }
        t += rules.maxTrailMs() + rules.minGapMs() + random.nextInt(2_000);
      }
      for (ShapedCue cue : new CueShaper(rules).shape(words)) {
        assertEquals(List.of(), ShapingViolations.check(cue, rules), "round " + round + " " + cue);
      }
    }
  }

  private static void assertCoversEveryWordInOrder(
      List<TimedWord> words, List<ShapedCue> cues, ShapingRules rules, String where) {
    List<TimedWord> shown = SpeechFixture.wordsOf(cues);
    int capacity = rules.maxLines() * rules.maxCharsPerLine();
    int p = 0;
    for (TimedWord word : words) {
      if (LineBreaker.displayLength(word.text()) <= capacity) {
        assertTrue(p < shown.size(), "missing words: " + where);
        assertSame(word, shown.get(p++), "word order: " + where);
        continue;
      }
      // An overlong word is shown as consecutive pieces that spell it, within its time span.
      StringBuilder spelled = new StringBuilder();
      while (spelled.length() < word.text().length()) {
        TimedWord piece = shown.get(p++);
        assertTrue(LineBreaker.displayLength(piece.text()) <= capacity, where);
        assertTrue(piece.startMs() >= word.startMs() && piece.endMs() <= word.endMs(), where);
        spelled.append(piece.text());
      }
      assertEquals(word.text(), spelled.toString(), where);
    }
    assertEquals(shown.size(), p, "extra words: " + where);
  }

  private static ShapingRules randomRules(Random random) {
    long minDuration = 300 + random.nextInt(1_700);
    return ShapingRules.builder()
        .maxCharsPerLine(12 + random.nextInt(50))
        .maxLines(1 + random.nextInt(3))
        .maxCharsPerSecond(10 + random.nextInt(16))
        .minDurationMs(minDuration)
        .maxDurationMs(minDuration + 1_000 + random.nextInt(7_000))
        .minGapMs(random.nextInt(121))
        .maxTrailMs(random.nextInt(2_001))
        .build();
  }

  private static List<TimedWord> randomWords(Random random, ShapingRules rules) {
    int count = random.nextInt(10) == 0 ? random.nextInt(3) : 1 + random.nextInt(150);
    List<TimedWord> words = new ArrayList<>(count);
    long start = random.nextInt(100_000);
    long end = start;
    for (int i = 0; i < count; i++) {
      String text =
          random.nextInt(40) == 0
              ? "w".repeat(1 + random.nextInt(2 * rules.maxLines() * rules.maxCharsPerLine()))
              : VOCABULARY[random.nextInt(VOCABULARY.length)];
      long gap =
          switch (random.nextInt(10)) {
            case 0 -> 500 + random.nextInt(2_500); // a pause
            case 1 -> -random.nextInt(60); // recogniser word times overlapping slightly
            default -> random.nextInt(150);
          };
      start = Math.max(start, end + gap);
      end = start + 40 + random.nextInt(random.nextInt(20) == 0 ? 9_000 : 800);
      words.add(new TimedWord(text, start, end));
    }
    return words;
  }

  private static PhraseContext randomContext(
      Random random, List<TimedWord> words, ShapingRules rules) {
    PhraseContext context = PhraseContext.none();
    if (words.isEmpty()) {
      return context;
    }
    long firstStart = words.get(0).startMs();
    if (random.nextBoolean() && firstStart >= rules.minGapMs()) {
      // The previous cue was shaped knowing this speech comes next, so it left the gap.
      long previousEnd = firstStart - rules.minGapMs() - random.nextInt(2_000);
      context = context.withPreviousCueEnd(Math.max(0, previousEnd));
    }
    if (random.nextBoolean()) {
      long speechEnd = words.stream().mapToLong(TimedWord::endMs).max().orElseThrow();
      context = context.withNextSpeechStart(speechEnd + random.nextInt(3_000));
    }
    return context;
  }
}
