package io.livesubs.inference.onnx;

import java.util.Objects;

/**
 * How to build an ONNX Runtime session: device and thread counts. Immutable; build with {@link
 * #builder()}.
 *
 * <p>The intra-op default is 1 thread: the pipeline runs many streams in parallel (one per Flink
 * subtask slot), so a single small window gains little from intra-op threads and oversubscribes the
 * cores.
 *
 * @param device where the model runs
 * @param intraOpThreads threads used inside one operator (>= 1)
 * @param interOpThreads threads used across independent operators (>= 1)
 */
public record OrtSessionConfig(ExecutionDevice device, int intraOpThreads, int interOpThreads) {

  /** CPU with one intra-op and one inter-op thread. */
  public static final OrtSessionConfig DEFAULT = builder().build();

  /** Validates the components; see {@link Builder#build()}. */
  public OrtSessionConfig {
    Objects.requireNonNull(device, "device");
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, was " + intraOpThreads);
    }
    if (interOpThreads < 1) {
      throw new IllegalArgumentException("interOpThreads must be >= 1, was " + interOpThreads);
    }
  }

  /** A builder with defaults: CPU, 1 intra-op thread, 1 inter-op thread. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private ExecutionDevice device = ExecutionDevice.CPU;
    private int intraOpThreads = 1;
    private int interOpThreads = 1;

    private Builder() {}

    /** Where the model runs (default CPU). */
    public Builder device(ExecutionDevice device) {
      this.device = device;
      return this;
    }

    /** Parses {@code cpu}, {@code cuda} or {@code cuda:N}. */
    public Builder device(String device) {
      this.device = ExecutionDevice.parse(device);
      return this;
    }

    /** Threads inside one operator (default 1). */
    public Builder intraOpThreads(int threads) {
      this.intraOpThreads = threads;
      return this;
    }

    /** Threads across operators (default 1). */
    public Builder interOpThreads(int threads) {
      this.interOpThreads = threads;
      return this;
    }

    /**
     * @throws IllegalArgumentException if a thread count is below 1
     * @throws NullPointerException if the device is null
     */
    public OrtSessionConfig build() {
      return new OrtSessionConfig(device, intraOpThreads, interOpThreads);
    }
  }
}
