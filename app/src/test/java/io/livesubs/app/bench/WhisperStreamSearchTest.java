package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search for the most streams that keep up, against a known capacity. */
class WhisperStreamSearchTest {

  /** Runs the search on a system that keeps up with at most {@code capacity} streams. */
  private static int search(int capacity, int start, int max, List<Integer> tried)
      throws InterruptedException {
    return WhisperStreamSearch.search(
        start,
        max,
        n -> {
          tried.add(n);
          return n <= capacity;
        });
  }

  @Test
  void findsTheCapacityWithinAnEighth() throws Exception {
    for (int capacity : new int[] {1, 2, 3, 7, 13, 50, 201, 333}) {
      for (int start : new int[] {1, 5, 150, 400}) {
        List<Integer> tried = new ArrayList<>();
        int found = search(capacity, start, 1024, tried);
        String context = "capacity " + capacity + ", start " + start + ", tried " + tried;
        assertTrue(found <= capacity, context);
        assertTrue(capacity - found <= Math.max(0, found / 8), context);
        assertTrue(tried.size() <= 16, context);
      }
    }
  }

  @Test
  void smallCountsAreExact() throws Exception {
    List<Integer> tried = new ArrayList<>();
    assertEquals(5, search(5, 2, 1024, tried));
    assertEquals(List.of(2, 4, 8, 6, 5), tried);
  }

  @Test
  void zeroWhenNotEvenOneStreamKeepsUp() throws Exception {
    List<Integer> tried = new ArrayList<>();
    assertEquals(0, search(0, 6, 1024, tried));
    assertEquals(List.of(6, 3, 1), tried);
  }

  @Test
  void theCapIsNeverExceeded() throws Exception {
    List<Integer> tried = new ArrayList<>();
    assertEquals(10, search(1000, 3, 10, tried));
    assertTrue(tried.stream().allMatch(n -> n >= 1 && n <= 10), tried.toString());
    assertThrows(IllegalArgumentException.class, () -> search(1, 1, 0, tried));
  }
}
