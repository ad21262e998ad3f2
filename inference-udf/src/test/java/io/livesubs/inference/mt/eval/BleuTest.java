package io.livesubs.inference.mt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corpus BLEU against worked examples.
 *
 * <p>Example A, hypothesis {@code the cat sat on the mat}, reference {@code the cat is on the mat}
 * (6 tokens each, so BP = 1):
 *
 * <ul>
 *   <li>1-grams: the ×2, cat, on, mat match; sat does not: 5/6
 *   <li>2-grams: the cat, on the, the mat match; cat sat, sat on do not: 3/5
 *   <li>3-grams: on the mat matches: 1/4
 *   <li>4-grams: none of 3 match; exp smoothing counts the first zero as 1/2: (1/2)/3 = 1/6
 * </ul>
 *
 * BLEU = (5/6 · 3/5 · 1/4 · 1/6)^(1/4) = (1/48)^(1/4) = 0.379918… → 37.99; without smoothing the
 * zero 4-gram precision makes it 0.
 *
 * <p>Example B, hypothesis {@code a b c d e}, reference {@code a b c d e f g}: all n-grams match
 * (precision 1), but c = 5 &lt; r = 7, so BP = exp(1 − 7/5) = exp(−0.4) = 0.670320… → 67.03.
 *
 * <p>The two-reference corpus and its results (48.530827; 82.4/50.0/45.5/37.5, BP 0.943, 17 and 18
 * tokens) are the example of sacreBLEU's README and tests; so is the sentence {@code am I am a
 * character sequence} with matches 4/2/1/0 of 6/5/4/3, which can be checked by hand as above.
 */
class BleuTest {

  private static final Bleu BLEU = Bleu.sacreBleu();

  @Test
  void identicalTextScores100() {
    BleuScore s =
        BLEU.corpusScore(
            List.of("The cat sat on the mat.", "It rained."),
            List.of("The cat sat on the mat.", "It rained."));
    assertEquals(100.0, s.score(), 1e-9);
    assertEquals("100.00", s.formatted());
  }

  @Test
  void workedExampleA() {
    BleuScore s =
        BLEU.corpusScore(List.of("the cat sat on the mat"), List.of("the cat is on the mat"));
    assertEquals(List.of(5L, 3L, 1L, 0L), s.matches());
    assertEquals(List.of(6L, 5L, 4L, 3L), s.totals());
    assertEquals(100.0 / 6, s.precisions().get(3), 1e-9);
    assertEquals(100 * Math.pow(1.0 / 48, 0.25), s.score(), 1e-9);
    assertEquals("37.99", s.formatted());
    BleuScore unsmoothed =
        Bleu.withSmoothing(Bleu.Smoothing.NONE)
            .corpusScore(List.of("the cat sat on the mat"), List.of("the cat is on the mat"));
    assertEquals(0.0, unsmoothed.score());
  }

  @Test
  void workedExampleBBrevityPenalty() {
    BleuScore s = BLEU.corpusScore(List.of("a b c d e"), List.of("a b c d e f g"));
    assertEquals(Math.exp(-0.4), s.brevityPenalty(), 1e-12);
    assertEquals(100 * Math.exp(-0.4), s.score(), 1e-9);
    assertEquals("67.03", s.formatted());
  }

  @Test
  void hypothesesWithoutFourGramsOrWithoutMatchesScoreZero() {
    // Two tokens: no 3- or 4-grams at all, which smoothing cannot replace.
    assertEquals(0.0, BLEU.corpusScore(List.of("the cat"), List.of("the cat sat")).score());
    assertEquals(
        0.0,
        BLEU.corpusScore(List.of("this is a test", "another test"), List.of("ref1", "ref2"))
            .score());
    assertEquals(0.0, BLEU.corpusScore(List.of(""), List.of("a reference")).score());
  }

  @Test
  void statisticsOfSacreBleusTestSentence() {
    BleuScore s =
        BLEU.corpusScore(
            List.of("am I am a character sequence"), List.of("I am a symbol string sequence a a"));
    assertEquals(List.of(4L, 2L, 1L, 0L), s.matches());
    assertEquals(List.of(6L, 5L, 4L, 3L), s.totals());
    assertEquals(6, s.hypLength());
    assertEquals(8, s.refLength());
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
    BleuScore s = BLEU.corpusScoreMultiRef(hyps, refs);
    assertEquals(48.530827, s.score(), 1e-6);
    assertEquals(17, s.hypLength());
    assertEquals(18, s.refLength());
    assertEquals("0.943", String.format(java.util.Locale.ROOT, "%.3f", s.brevityPenalty()));
    List<Double> p = s.precisions();
    assertEquals(
        "82.4/50.0/45.5/37.5",
        String.format(
            java.util.Locale.ROOT, "%.1f/%.1f/%.1f/%.1f", p.get(0), p.get(1), p.get(2), p.get(3)));
  }

  @Test
  void mismatchedOrEmptyReferencesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> BLEU.corpusScore(List.of("a", "b"), List.of("a")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BLEU.corpusScore(List.of("a", "b"), List.of("a", "")));
    assertEquals("sentence 2 has no (non-empty) reference", e.getMessage());
  }
}
