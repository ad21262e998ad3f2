package io.livesubs.app.bench;

import io.livesubs.schemas.StreamIds;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Stream ids that Flink's {@code keyBy} spreads evenly over the subtasks of a keyed operator: with
 * {@code count} streams on {@code parallelism} subtasks, every subtask gets {@code floor(count /
 * parallelism)} or one more (with no more streams than subtasks: one stream per subtask at most).
 * Hashing a handful of arbitrary ids can put two of them on one subtask and leave another idle, and
 * the benchmark would then measure that luck rather than the pipeline; a deployment with many
 * streams is balanced on average. Stateless and thread-safe.
 */
final class KeySpread {

  /** Candidates tried before giving up; the hash spreads ids well long before. */
  private static final int MAX_CANDIDATES = 100_000;

  private KeySpread() {}

  /**
   * {@code count} ids {@code <prefix>-<n>} spread evenly over {@code parallelism} subtasks, for a
   * job whose max parallelism is Flink's default for {@code parallelism}.
   *
   * @throws IllegalArgumentException if {@code prefix} makes invalid stream ids
   */
  static List<String> ids(String prefix, int count, int parallelism) {
    if (count < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "count and parallelism must be >= 1, got " + count + " and " + parallelism);
    }
    int maxParallelism = KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
    // Every subtask gets `base` streams, `extra` of them one more.
    int base = count / parallelism;
    int extra = count % parallelism;
    int[] load = new int[parallelism];
    int withExtra = 0;
    List<String> ids = new ArrayList<>(count);
    for (int n = 1; ids.size() < count && n <= MAX_CANDIDATES; n++) {
      String id = StreamIds.validate(prefix + "-" + n);
      int subtask = subtask(id, maxParallelism, parallelism);
      if (load[subtask] < base || (load[subtask] == base && withExtra < extra)) {
        withExtra += load[subtask] == base ? 1 : 0;
        load[subtask]++;
        ids.add(id);
      }
    }
    if (ids.size() < count) {
      throw new IllegalStateException("cannot spread " + count + " streams over " + parallelism);
    }
    return ids;
  }

  /** The subtask of a keyed operator that {@code id} goes to. */
  static int subtask(String id, int maxParallelism, int parallelism) {
    return KeyGroupRangeAssignment.assignKeyToParallelOperator(id, maxParallelism, parallelism);
  }
}
