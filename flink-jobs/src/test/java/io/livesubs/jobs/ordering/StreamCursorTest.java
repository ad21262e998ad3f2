package io.livesubs.jobs.ordering;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamCursorTest {

  @Test
  void remembersRecentGivenUpRangesOnlyAndForgetsTheOldest() {
    StreamCursor cursor = new StreamCursor();
    int ranges = StreamCursor.MAX_GIVEN_UP_RANGES + 3;
    for (int i = 0; i < ranges; i++) {
      cursor.recordGivenUp(10L * i, 10L * i + 2); // [10i, 10i+2)
    }
    for (int i = 0; i < ranges; i++) {
      boolean remembered = i >= 3;
      assertTrue(cursor.wasGivenUp(10L * i + 1) == remembered, "range " + i);
      assertFalse(cursor.wasGivenUp(10L * i + 2), "end of range " + i + " is exclusive");
    }
    assertTrue(cursor.givenUp.length == 2 * StreamCursor.MAX_GIVEN_UP_RANGES);
  }
}
