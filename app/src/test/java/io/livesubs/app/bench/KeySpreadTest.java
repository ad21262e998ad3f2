package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

/** Stream ids that spread evenly over the subtasks of a keyed operator. */
class KeySpreadTest {

  private static int[] loads(List<String> ids, int parallelism) {
    int max = KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
    int[] load = new int[parallelism];
    for (String id : ids) {
      load[KeyGroupRangeAssignment.assignKeyToParallelOperator(id, max, parallelism)]++;
    }
    return load;
  }

  @Test
  void oneStreamPerSubtaskWhenThereAreAsManyStreamsAsSubtasks() {
    for (int parallelism = 1; parallelism <= 8; parallelism++) {
      List<String> ids = KeySpread.ids("fast", parallelism, parallelism);
      assertEquals(parallelism, new HashSet<>(ids).size(), ids.toString());
      for (int load : loads(ids, parallelism)) {
        assertEquals(1, load, ids.toString());
      }
    }
  }

  @Test
  void manyStreamsAreBalanced() {
    List<String> ids = KeySpread.ids("live", 16, 3);
    assertEquals(16, new HashSet<>(ids).size());
    for (int load : loads(ids, 3)) {
      assertTrue(load == 5 || load == 6, ids.toString());
    }
    assertTrue(ids.stream().allMatch(id -> id.startsWith("live-")), ids.toString());
  }
}
