package io.livesubs.jobs.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

  private final LineBreaker netflix = new LineBreaker(42, 2);

  @Test
  void textThatFitsOneLineStaysOnOneLine() {
    String text = "This sentence has exactly forty-two chars";
    assertTrue(text.length() <= 42);
    assertEquals(Optional.of(List.of(text)), netflix.breakText(text));
  }

  @Test
  void textNeedingMoreThanMaxLinesDoesNotFit() {
    String text =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
    assertTrue(text.length() > 2 * 42 + 1);
    assertEquals(Optional.empty(), netflix.breakText(text));
    assertFalse(netflix.fits(List.of(text.split(" "))));
    assertEquals(3, netflix.linesNeeded(List.of(text.split(" "))));
  }

  @Test
  void blankTextHasNoLines() {
    assertEquals(Optional.of(List.of()), netflix.breakText("   "));
  }

  @Test
  void breaksAfterSentenceEndRatherThanInTheMiddleOfASentence() {
    // 47 characters: two lines are needed, and the only sentence boundary is an allowed break.
    List<String> lines =
        netflix.breakText("We waited for hours. Nobody came to help us out").orElseThrow();
    assertEquals(List.of("We waited for hours.", "Nobody came to help us out"), lines);
  }

  @Test
  void breaksAfterCommaRatherThanAtTheCentre() {
    List<String> lines =
        netflix
            .breakText("When the rain finally stopped, children ran outside to play")
            .orElseThrow();
    assertEquals("When the rain finally stopped,", lines.get(0));
  }

  @Test
  void breaksBeforeConjunctionWithoutPunctuation() {
    List<String> lines =
        netflix
            .breakText("The engineers repaired the broken pipeline and everybody went home")
            .orElseThrow();
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).startsWith("and "), lines.toString());
  }

  @Test
  void doesNotEndALineWithAnArticleOrPreposition() {
    // A plain centre break would leave "the" or "of" at the end of the first line.
    Set<String> weak = Set.of("the", "of", "a", "to");
    for (String text :
        List.of(
            "Yesterday afternoon we photographed the enormous lighthouse tower",
            "Everybody remembers the wonderful smell of freshly baked bread",
            "Thousands gathered outside the stadium to celebrate a famous victory")) {
      List<String> lines = netflix.breakText(text).orElseThrow();
      String first = lines.get(0);
      String lastWord = first.substring(first.lastIndexOf(' ') + 1);
      assertFalse(weak.contains(lastWord), text + " -> " + lines);
    }
  }

  @Test
  void prefersBottomHeavyLinesWhenBreaksAreOtherwiseEqual() {
    // Two equally balanced layouts exist, 9/14 and 14/9 characters; the pyramid shape wins.
    LineBreaker narrow = new LineBreaker(15, 2);
    assertEquals(
        Optional.of(List.of("aaaa bbbb", "cccc dddd eeee")),
        narrow.breakText("aaaa bbbb cccc dddd eeee"));
  }

  @Test
  void balancesLinesWhenNothingElseDecides() {
    // Twelve plain five-letter words: 71 characters. Any break keeps 5-letter words whole.
    String text = "bravo delta gamma kappa sigma omega alpha theta lamda delta gamma kappa";
    List<String> lines = netflix.breakText(text).orElseThrow();
    int difference = Math.abs(lines.get(0).length() - lines.get(1).length());
    assertTrue(difference <= 6, "lines should be within one word of each other: " + lines);
    assertTrue(lines.get(0).length() <= lines.get(1).length(), "bottom-heavy: " + lines);
  }

  @Test
  void hardWrapsAWordLongerThanALine() {
    LineBreaker breaker = new LineBreaker(10, 3);
    List<String> lines = breaker.breakText("supercalifragilistic is long").orElseThrow();
    assertEquals(List.of("supercalif", "ragilistic", "is long"), lines);
  }

  @Test
  void countsCodePointsNotUtf16Units() {
    // Each emoji is two UTF-16 units but one character on screen.
    String emoji = "\uD83D\uDE00";
    String word = emoji.repeat(10);
    LineBreaker breaker = new LineBreaker(10, 1);
    assertEquals(Optional.of(List.of(word)), breaker.breakText(word));
    List<String> wrapped = new LineBreaker(4, 3).breakText(word).orElseThrow();
    assertEquals(List.of(emoji.repeat(4), emoji.repeat(4), emoji.repeat(2)), wrapped);
  }

  @Test
  void rejectsBadWordsWithAClearMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> netflix.breakWords(List.of("ok", "a b")));
    assertTrue(e.getMessage().contains("word 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> netflix.breakWords(List.of("ok", " ")));
    assertThrows(IllegalArgumentException.class, () -> new LineBreaker(0, 2));
    assertThrows(IllegalArgumentException.class, () -> new LineBreaker(42, 0));
  }

  @Test
  void rollUpShowsATailAndOnlyScrollsCompletedLines() {
    String text =
        "so this is the partial hypothesis that keeps on growing while the speaker keeps talking"
            + " about the weather in the mountains and the valleys";
    List<String> words = List.of(text.split(" "));
    List<String> previous = List.of();
    for (int n = 1; n <= words.size(); n++) {
      List<String> spoken = words.subList(0, n);
      List<String> lines = netflix.rollUp(spoken);
      assertTrue(
          lines.size() <= 2 && lines.stream().allMatch(l -> l.length() <= 42), lines.toString());
      List<String> shown = List.of(String.join(" ", lines).split(" "));
      assertEquals(spoken.subList(n - shown.size(), n), shown, "shows the newest words");
      for (String line : lines.subList(0, lines.size() - 1)) {
        assertTrue(previous.contains(line), "line '" + line + "' re-flowed; before: " + previous);
      }
      previous = lines;
    }
    assertTrue(!previous.get(0).startsWith("so "), "the text is long enough to have scrolled");
  }

  @Test
  void randomTextsObeyLimitsKeepWordsAndUseFewestLines() {
    Random random = new Random(20240611L);
    String[] vocabulary = {
      "and",
      "the",
      "of",
      "to",
      "a",
      "in",
      "because",
      "with",
      "house",
      "river",
      "yes.",
      "no,",
      "extraordinary",
      "x",
      "it's",
      "well,",
      "maybe?",
      "absolutely!",
      "communication",
      "go"
    };
    for (int round = 0; round < 2000; round++) {
      int maxChars = 8 + random.nextInt(50);
      int maxLines = 1 + random.nextInt(4);
      LineBreaker breaker = new LineBreaker(maxChars, maxLines);
      List<String> words = new ArrayList<>();
      int count = 1 + random.nextInt(14);
      for (int i = 0; i < count; i++) {
        String word = vocabulary[random.nextInt(vocabulary.length)];
        if (random.nextInt(5) == 0 || word.length() > maxChars) {
          word = "w".repeat(1 + random.nextInt(maxChars));
        }
        words.add(word);
      }
      int fewest = fewestLinesByBruteForce(words, maxChars);
      Optional<List<String>> result = breaker.breakWords(words);
      String context = "maxChars=" + maxChars + " maxLines=" + maxLines + " words=" + words;
      if (fewest > maxLines) {
        assertEquals(Optional.empty(), result, context);
        continue;
      }
      List<String> lines = result.orElseThrow(() -> new AssertionError("should fit: " + context));
      assertEquals(fewest, lines.size(), context);
      for (String line : lines) {
        assertTrue(line.length() <= maxChars, context + " -> " + lines);
        assertFalse(line.isBlank() || line.startsWith(" ") || line.endsWith(" "), context);
      }
      assertEquals(String.join(" ", words), String.join(" ", lines), context);
    }
  }

  @Test
  void randomTextsWithOverlongWordsAreHardWrappedWithinTheLimits() {
    Random random = new Random(777L);
    for (int round = 0; round < 1000; round++) {
      int maxChars = 1 + random.nextInt(30);
      int maxLines = 1 + random.nextInt(6);
      LineBreaker breaker = new LineBreaker(maxChars, maxLines);
      List<String> words = new ArrayList<>();
      for (int i = random.nextInt(8); i >= 0; i--) {
        words.add("ab,c.".repeat(1 + random.nextInt(3)).substring(random.nextInt(3)) + i);
      }
      String context = "maxChars=" + maxChars + " maxLines=" + maxLines + " words=" + words;
      Optional<List<String>> result = breaker.breakWords(words);
      assertEquals(breaker.linesNeeded(words) <= maxLines, result.isPresent(), context);
      if (result.isPresent()) {
        List<String> lines = result.get();
        assertEquals(breaker.linesNeeded(words), lines.size(), context);
        assertTrue(lines.stream().allMatch(l -> !l.isEmpty() && l.length() <= maxChars), context);
        assertEquals(
            String.join("", words), String.join("", lines).replace(" ", ""), context + lines);
      }
    }
  }

  /** Tries every set of break positions between words (words here never exceed the limit). */
  private static int fewestLinesByBruteForce(List<String> words, int maxChars) {
    int gaps = words.size() - 1;
    int best = Integer.MAX_VALUE;
    for (int mask = 0; mask < (1 << gaps); mask++) {
      int lines = 1;
      int length = words.get(0).length();
      boolean ok = length <= maxChars;
      for (int i = 1; i < words.size() && ok; i++) {
        if ((mask & (1 << (i - 1))) != 0) {
          lines++;
          length = words.get(i).length();
        } else {
          length += 1 + words.get(i).length();
        }
        ok = length <= maxChars;
      }
      if (ok) {
        best = Math.min(best, lines);
      }
    }
    return best;
  }
}
