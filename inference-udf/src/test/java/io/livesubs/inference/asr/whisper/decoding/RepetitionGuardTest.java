package io.livesubs.inference.asr.whisper.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RepetitionGuardTest {
  private final RepetitionGuard guard = new RepetitionGuard(8, 4);

  private int keep(int... tokens) {
    return guard.keepLength(tokens, tokens.length);
  }

  @Test
  void singleTokenLoopKeepsOneOccurrence() {
    assertEquals(3, keep(1, 2, 7, 7, 7, 7));
    assertEquals(-1, keep(1, 2, 7, 7, 7), "three repeats are not yet a loop");
  }

  @Test
  void multiTokenLoopKeepsItsFirstOccurrence() {
    int[] loop = {9, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3};
    assertEquals(4, guard.keepLength(loop, loop.length));
    // Eight-token pattern four times: still found; nine-token patterns are beyond the limit.
    int[] eight = new int[32];
    int[] nine = new int[36];
    for (int i = 0; i < eight.length; i++) {
      eight[i] = i % 8;
    }
    for (int i = 0; i < nine.length; i++) {
      nine[i] = i % 9;
    }
    assertEquals(8, guard.keepLength(eight, eight.length));
    assertEquals(-1, guard.keepLength(nine, nine.length));
  }

  @Test
  void onlyTheEndCountsAndTheCountArgumentIsRespected() {
    assertEquals(-1, keep(5, 5, 5, 5, 1, 2), "a loop earlier on is not the tail");
    int[] tokens = {5, 5, 5, 5, 1, 2};
    assertEquals(1, guard.keepLength(tokens, 4));
  }

  @Test
  void nonRepeatingTextPasses() {
    assertEquals(-1, keep(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
    assertEquals(-1, keep(1, 2, 1, 2, 1, 3, 1, 2));
  }

  @Test
  void rejectsBadLimits() {
    assertThrows(IllegalArgumentException.class, () -> new RepetitionGuard(0, 4));
    assertThrows(IllegalArgumentException.class, () -> new RepetitionGuard(8, 1));
  }
}
