package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles, checked against values worked out by hand. */
class LatencyStatsTest {

  @Test
  void nearestRankOnTwentyValues() {
    long[] values = new long[20];
    for (int i = 0; i < 20; i++) {
      values[i] = (20 - i) * 10L; // 200, 190, ..., 10: unsorted on purpose
    }
    LatencyStats stats = LatencyStats.of(values);
    assertEquals(20, stats.count());
    assertEquals(100, stats.p50Ms(), "rank ceil(0.5 * 20) = 10: the 10th smallest");
    assertEquals(190, stats.p95Ms(), "rank ceil(0.95 * 20) = 19");
    assertEquals(200, stats.maxMs());
    assertEquals(200, values[0], "the input is not modified");
  }

  @Test
  void singleAndNoValues() {
    assertEquals(new LatencyStats(1, -40, -40, -40), LatencyStats.of(new long[] {-40}));
    assertEquals(LatencyStats.EMPTY, LatencyStats.of(new long[0]));
  }
}
