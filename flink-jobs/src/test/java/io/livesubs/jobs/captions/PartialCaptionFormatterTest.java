package io.livesubs.jobs.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartialCaptionFormatterTest {

  private final PartialCaptionFormatter formatter =
      new PartialCaptionFormatter(ShapingRules.defaults());

  @Test
  void shortHypothesisIsOneLine() {
    assertEquals(List.of("good evening"), formatter.format("  good   evening "));
  }

  @Test
  void blankHypothesisHasNoLines() {
    assertEquals(List.of(), formatter.format(""));
    assertThrows(IllegalArgumentException.class, () -> formatter.format(null));
  }

  @Test
  void growingHypothesisKeepsTheNewestWordOnTheBottomLineWithinTheLimits() {
    List<TimedWord> spoken = new ArrayList<>();
    List<String> previous = List.of();
    long t = 0;
    for (String word :
        ("and now the weather for the weekend which will be mostly dry in the east but"
                + " showers will spread from the west during sunday afternoon")
            .split(" ")) {
      spoken.add(new TimedWord(word, t, t + 250));
      t += 300;
      List<String> lines = formatter.formatWords(spoken);
      assertTrue(lines.size() >= 1 && lines.size() <= 2, lines.toString());
      assertTrue(lines.stream().allMatch(l -> l.length() <= 42), lines.toString());
      assertTrue(lines.get(lines.size() - 1).endsWith(word), lines + " should end with " + word);
      if (lines.size() == 2) {
        assertTrue(previous.contains(lines.get(0)), "top line must have been on screen already");
      }
      previous = lines;
    }
  }

  @Test
  void textAndWordsGiveTheSameLines() {
    String text = "one two three four five six seven eight nine ten eleven twelve thirteen";
    List<TimedWord> words = new ArrayList<>();
    for (String w : text.split(" ")) {
      words.add(new TimedWord(w, 0, 0));
    }
    assertEquals(formatter.format(text), formatter.formatWords(words));
  }
}
