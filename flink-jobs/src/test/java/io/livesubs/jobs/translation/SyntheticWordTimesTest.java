package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.captions.TimedWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticWordTimesTest {

  @Test
  void wordsShareTheSpanInProportionToTheirLength() {
    // "aaaa bb": 4 + 1 + 2 = 7 characters over 700 ms.
    List<TimedWord> words = SyntheticWordTimes.spread("aaaa  bb", 1000, 1700);
    assertEquals(
        List.of(new TimedWord("aaaa", 1000, 1400), new TimedWord("bb", 1500, 1700)), words);
  }

  @Test
  void wordsStayInsideTheSpanInOrder() {
    String text = "él dijo que la ciudad necesita más autobuses, trenes y bicicletas";
    List<TimedWord> words = SyntheticWordTimes.spread(text, 3000, 7321);
    assertEquals(text.split(" ").length, words.size());
    assertEquals(3000, words.get(0).startMs());
    assertEquals(7321, words.get(words.size() - 1).endMs());
    for (int i = 1; i < words.size(); i++) {
      assertTrue(words.get(i).startMs() >= words.get(i - 1).endMs());
    }
  }

  @Test
  void blankTextHasNoWordsAndABackwardSpanIsRejected() {
    assertEquals(List.of(), SyntheticWordTimes.spread("  ", 0, 10));
    assertThrows(IllegalArgumentException.class, () -> SyntheticWordTimes.spread("a", 10, 5));
  }
}
