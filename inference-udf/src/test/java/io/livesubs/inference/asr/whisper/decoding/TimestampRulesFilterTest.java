package io.livesubs.inference.asr.whisper.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reference timestamp rules on crafted logits over a small vocabulary. */
class TimestampRulesFilterTest {
  // Vocabulary: text 0..9, <|endoftext|> 10, other specials 11..19 (notimestamps 15), then 20
  // timestamps 20..39 (<|0.00|> .. <|0.38|>).
  private static final int EOT = 10;
  private static final int NO_TIMESTAMPS = 15;
  private static final int TS = 20;
  private static final int VOCAB = 40;

  private final TimestampRulesFilter rules = new TimestampRulesFilter(TS, EOT, NO_TIMESTAMPS, 5);

  /** Text logits dominate (so the "timestamps beat text" rule stays out of the way). */
  private static float[] textHeavy() {
    float[] logits = new float[VOCAB];
    Arrays.fill(logits, 0, TS, 3f);
    Arrays.fill(logits, TS, VOCAB, 0f);
    return logits;
  }

  private float[] apply(float[] logits, int... sampled) {
    rules.apply(logits, sampled, sampled.length);
    return logits;
  }

  private static boolean allowed(float[] logits, int token) {
    return logits[token] != Float.NEGATIVE_INFINITY;
  }

  @Test
  void firstTokenMustBeATimestampNoLaterThanTheInitialMaximum() {
    float[] logits = apply(textHeavy());
    for (int t = 0; t < TS; t++) {
      assertFalse(allowed(logits, t), "non-timestamp " + t + " at the first position");
    }
    for (int t = TS; t <= TS + 5; t++) {
      assertTrue(allowed(logits, t), "initial timestamp " + t);
    }
    for (int t = TS + 6; t < VOCAB; t++) {
      assertFalse(allowed(logits, t), "timestamp " + t + " beyond the initial maximum");
    }
  }

  @Test
  void noInitialLimitWhenNegative() {
    TimestampRulesFilter unlimited = new TimestampRulesFilter(TS, EOT, NO_TIMESTAMPS, -1);
    float[] logits = textHeavy();
    unlimited.apply(logits, new int[0], 0);
    assertTrue(allowed(logits, VOCAB - 1));
  }

  @Test
  void afterAnOpeningTimestampComesText() {
    float[] logits = apply(textHeavy(), TS + 2);
    for (int t = TS; t < VOCAB; t++) {
      assertFalse(allowed(logits, t), "a second timestamp right after the first: " + t);
    }
    assertTrue(allowed(logits, 3));
    assertTrue(allowed(logits, EOT));
  }

  @Test
  void afterTextAndAClosingTimestampOnlyATimestampOrTheEndMayFollow() {
    float[] logits = apply(textHeavy(), TS, 4, 5, TS + 7);
    for (int t = 0; t < EOT; t++) {
      assertFalse(allowed(logits, t), "text token " + t + " right after a closing timestamp");
    }
    assertTrue(allowed(logits, EOT));
    // The next segment may start where this one ended, but not earlier.
    assertTrue(allowed(logits, TS + 7));
    assertFalse(allowed(logits, TS + 6));
  }

  @Test
  void afterAPairOfTimestampsOnlyTextMayFollow() {
    float[] logits = apply(textHeavy(), TS, 4, TS + 7, TS + 7);
    for (int t = TS; t < VOCAB; t++) {
      assertFalse(allowed(logits, t), "a third timestamp in a row: " + t);
    }
    assertTrue(allowed(logits, 1));
  }

  @Test
  void timestampsNeverDecreaseAndSegmentsHaveNonZeroLength() {
    float[] logits = apply(textHeavy(), TS + 3, 4, 5);
    for (int t = TS; t <= TS + 3; t++) {
      assertFalse(allowed(logits, t), "closing timestamp " + t + " not after the opening one");
    }
    assertTrue(allowed(logits, TS + 4));
  }

  @Test
  void noTimestampsTokenIsNeverSampled() {
    float[] logits = textHeavy();
    logits[NO_TIMESTAMPS] = 50f;
    assertFalse(allowed(apply(logits, TS, 1), NO_TIMESTAMPS));
  }

  @Test
  void timestampIsForcedWhenTheirSummedProbabilityBeatsTheBestTextToken() {
    // 20 timestamps at logit 1 sum to more probability than any single text token at logit 2.5.
    float[] logits = new float[VOCAB];
    Arrays.fill(logits, 0, TS, 2.5f);
    Arrays.fill(logits, TS, VOCAB, 1f);
    apply(logits, TS, 1, 2);
    for (int t = 0; t < TS; t++) {
      assertFalse(allowed(logits, t), "text " + t + " despite likelier timestamps");
    }

    // One clearly better text token keeps text possible.
    float[] confident = new float[VOCAB];
    Arrays.fill(confident, TS, VOCAB, 1f);
    confident[3] = 8f;
    apply(confident, TS, 1, 2);
    assertTrue(allowed(confident, 3));
    assertEquals(8f, confident[3]);
  }

  @Test
  void rejectsTimestampsBeforeOtherSpecials() {
    assertThrows(IllegalArgumentException.class, () -> new TimestampRulesFilter(10, 12, 11, 50));
  }
}
