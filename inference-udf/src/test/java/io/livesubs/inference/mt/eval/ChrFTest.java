package io.livesubs.inference.mt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corpus chrF against worked examples; F = (1 + β²)·P·R / (β²·P + R) with P and R averaged over the
 * orders where both sides have n-grams. With β = 2 that is 5PR / (4P + R).
 *
 * <ul>
 *   <li>{@code ab} vs {@code abc}: n=1 P=2/2 R=2/3; n=2 P=1/1 R=1/2; n≥3 the hypothesis has no
 *       n-grams. P=1, R=7/12, F = (35/12)/(55/12) = 7/11 = 63.64.
 *   <li>Corpus {@code [ab, a]} vs {@code [ab, b]}: sums n=1 3 hyp, 3 ref, 2 matches; n=2 1, 1, 1. P
 *       = R = (2/3 + 1)/2 = 5/6, F = 83.33 (the mean of the sentence scores would be 50).
 *   <li>Corpus {@code [abc, xyz]} vs {@code [ab, xyz]}: the 3-gram {@code abc} does not count,
 *       since its reference has no 3-grams. n=1 P=5/6, n=2 P=3/4, n=3 P=1/1, R=1 throughout; P =
 *       31/36, F = (155/36)/(160/36) = 96.875 (counting {@code abc} would give 91.91).
 *   <li>{@code a😀} vs {@code a😁} (code points, not UTF-16 units): n=1 P=R=1/2, n=2 P=R=0, so P =
 *       R = 1/4 and F = 25.
 * </ul>
 *
 * The β = 3 cases and the two-reference corpus (59.73) are from sacreBLEU's tests and README.
 */
class ChrFTest {

  private static final ChrF CHRF = ChrF.sacreBleu();

  private static double score(List<String> hyps, List<String> refs) {
    return CHRF.corpusScore(hyps, refs).score();
  }

  @Test
  void identicalTextScores100AndWhitespaceIsIgnored() {
    assertEquals(100.0, score(List.of("Un libro cayó."), List.of("Un libro cayó.")), 1e-9);
    assertEquals(100.0, score(List.of("a b c"), List.of("abc")), 1e-9);
  }

  @Test
  void workedExamples() {
    assertEquals(700.0 / 11, score(List.of("ab"), List.of("abc")), 1e-9);
    assertEquals(500.0 / 6, score(List.of("ab", "a"), List.of("ab", "b")), 1e-9);
    assertEquals(96.875, score(List.of("abc", "xyz"), List.of("ab", "xyz")), 1e-9);
    assertEquals(25.0, score(List.of("a😀"), List.of("a😁")), 1e-9);
  }

  @Test
  void nothingInCommonScoresZero() {
    assertEquals(0.0, score(List.of("abcdefg"), List.of("hijklmnop")));
    assertEquals(0.0, score(List.of(""), List.of("reference")));
  }

  @Test
  void sacreBleuTestCasesWithBetaThree() {
    ChrF beta3 = ChrF.of(6, 3);
    assertEquals(100.0, beta3.corpusScore(List.of("a"), List.of("a")).score(), 1e-9);
    assertEquals(25.0, beta3.corpusScore(List.of("aa"), List.of("ab")).score(), 1e-9);
    assertEquals(50.0, beta3.corpusScore(List.of("a", "b"), List.of("a", "c")).score(), 1e-9);
    assertEquals(100.0, beta3.corpusScore(List.of("a b c"), List.of("abc")).score(), 1e-9);
  }

  @Test
  void sacreBleuReadmeExampleWithTwoReferences() {
    List<String> hyps =
        List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    List<List<String>> refs =
        List.of(
            List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
            List.of(
                "The dog had bit the man.",
                "No one was surprised.",
                "The man had bitten the dog."));
    assertEquals("59.73", CHRF.corpusScoreMultiRef(hyps, refs).formatted());
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> score(List.of("a"), List.of()));
    assertThrows(IllegalArgumentException.class, () -> score(List.of("a"), List.of("")));
    assertThrows(IllegalArgumentException.class, () -> ChrF.of(0, 2));
    assertThrows(IllegalArgumentException.class, () -> ChrF.of(6, 0));
  }
}
