package io.livesubs.inference.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
  private static List<String> w(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split(" "));
  }

  @Test
  void identicalTextsHaveNoErrors() {
    ErrorCounts c = WordErrorRate.compare("Press 1, now.", "press one now");
    assertEquals(new ErrorCounts(0, 0, 0, 3), c);
    assertEquals(0.0, c.rate());
  }

  @Test
  void countsSubstitutionsDeletionsAndInsertions() {
    // a b c d -> a x c d e : b->x substituted, e inserted.
    assertEquals(
        new ErrorCounts(1, 0, 1, 4), WordErrorRate.compareWords(w("a b c d"), w("a x c d e")));
    // a b c d -> a d : b, c deleted.
    assertEquals(new ErrorCounts(0, 2, 0, 4), WordErrorRate.compareWords(w("a b c d"), w("a d")));
    // Everything wrong and longer.
    assertEquals(new ErrorCounts(2, 0, 1, 2), WordErrorRate.compareWords(w("a b"), w("x y z")));
    // Shifted by one: one deletion at the front, one insertion at the end.
    assertEquals(new ErrorCounts(0, 1, 1, 3), WordErrorRate.compareWords(w("a b c"), w("b c d")));
  }

  @Test
  void rateAndCorpusSums() {
    ErrorCounts a = WordErrorRate.compareWords(w("a b c d"), w("a x c d e"));
    ErrorCounts b = WordErrorRate.compareWords(w("e f"), w("e f"));
    ErrorCounts sum = a.plus(b);
    assertEquals(6, sum.referenceWords());
    assertEquals(2.0 / 6.0, sum.rate(), 1e-12);
    assertEquals(0.0, WordErrorRate.compareWords(w(""), w("")).rate());
    assertEquals(Double.POSITIVE_INFINITY, WordErrorRate.compareWords(w(""), w("x")).rate());
  }

  @Test
  void countsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new ErrorCounts(2, 1, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new ErrorCounts(-1, 0, 0, 2));
  }
}
