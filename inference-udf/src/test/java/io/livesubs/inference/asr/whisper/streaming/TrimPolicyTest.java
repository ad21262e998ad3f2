package io.livesubs.inference.asr.whisper.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TrimPolicyTest {
  private final TrimPolicy policy = new TrimPolicy(20_000);

  @Test
  void noTrimBelowTheThreshold() {
    assertEquals(OptionalLong.empty(), policy.trimPoint(Words.of("End.@0-900"), 0, 20_000));
  }

  @Test
  void trimsAtTheLastCommittedSentenceEnd() {
    OptionalLong point =
        policy.trimPoint(
            Words.of(
                "One.@0-900",
                "Two@900-1000",
                "words!\"@1000-5000",
                "and@5000-6000",
                "more@6000-7000"),
            0,
            21_000);
    assertEquals(OptionalLong.of(5000), point);
  }

  @Test
  void fallsBackToTheLastCommittedWordAndIgnoresWordsBeforeTheBuffer() {
    assertEquals(
        OptionalLong.of(12_000),
        policy.trimPoint(
            Words.of("Old.@0-900", "no@10000-11000", "end@11000-12000"), 5_000, 26_000));
    assertEquals(OptionalLong.empty(), policy.trimPoint(Words.of("Old.@0-900"), 5_000, 26_000));
  }

  @Test
  void sentenceEnds() {
    assertTrue(TrimPolicy.endsSentence("done."));
    assertTrue(TrimPolicy.endsSentence("why?)"));
    assertTrue(TrimPolicy.endsSentence("终。"));
    assertFalse(TrimPolicy.endsSentence("Mr"));
    assertFalse(TrimPolicy.endsSentence("well,"));
  }
}
