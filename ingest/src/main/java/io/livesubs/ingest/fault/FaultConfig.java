package io.livesubs.ingest.fault;

/**
 * What faults to inject into a stream of chunks, for load and robustness testing. Immutable.
 *
 * @param reorderMs hold chunks and emit them shuffled within a window of this much audio (0 = keep
 *     order)
 * @param duplicateRate probability that a chunk is sent twice, in [0, 1]
 * @param dropRate probability that a chunk is never sent, in [0, 1]
 * @param corruptRate probability that a chunk is replaced by bytes that are not a valid record, in
 *     [0, 1]
 * @param seed seed of every random decision: equal configs give equal faults
 */
public record FaultConfig(
    int reorderMs, double duplicateRate, double dropRate, double corruptRate, long seed) {

  /** Validates ranges. */
  public FaultConfig {
    if (reorderMs < 0) {
      throw new IllegalArgumentException("reorder window must be >= 0 ms, was " + reorderMs);
    }
    checkRate("duplicate", duplicateRate);
    checkRate("drop", dropRate);
    checkRate("corrupt", corruptRate);
  }

  /** No faults at all. */
  public static FaultConfig none() {
    return new FaultConfig(0, 0, 0, 0, 0);
  }

  /** Whether any fault can happen. */
  public boolean isActive() {
    return reorderMs > 0 || duplicateRate > 0 || dropRate > 0 || corruptRate > 0;
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " rate must be in [0, 1], was " + rate);
    }
  }
}
