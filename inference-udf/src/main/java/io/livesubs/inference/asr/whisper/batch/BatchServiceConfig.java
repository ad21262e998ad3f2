package io.livesubs.inference.asr.whisper.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * Batching limits of a {@link WhisperBatchService}. Immutable; build with {@link #builder()}.
 *
 * @param maxBatch most windows per model call (default 16)
 * @param maxWait longest a window waits for others to join its batch, counted from its submission
 *     (default 10 ms)
 * @param queueCapacity windows that may wait in the queue; a full queue blocks {@link
 *     WhisperBatchService#submit} (default {@code 4 * maxBatch})
 */
public record BatchServiceConfig(int maxBatch, Duration maxWait, int queueCapacity) {

  /** The defaults. */
  public static final BatchServiceConfig DEFAULTS = builder().build();

  /** Validates the components; the message names the bad one. */
  public BatchServiceConfig {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxBatch < 1 || maxBatch > 4096) {
      throw new IllegalArgumentException("maxBatch must be in 1..4096, was " + maxBatch);
    }
    if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("maxWait must be in 0..10 s, was " + maxWait);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
    }
  }

  /** A builder preset with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private int maxBatch = 16;
    private Duration maxWait = Duration.ofMillis(10);
    private Integer queueCapacity;

    private Builder() {}

    /** Most windows per model call (default 16). */
    public Builder maxBatch(int v) {
      maxBatch = v;
      return this;
    }

    /** Longest wait for a batch to fill (default 10 ms). */
    public Builder maxWait(Duration v) {
      maxWait = v;
      return this;
    }

    /** Queue capacity (default {@code 4 * maxBatch}). */
    public Builder queueCapacity(int v) {
      queueCapacity = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the invalid setting
     */
    public BatchServiceConfig build() {
      return new BatchServiceConfig(
          maxBatch, maxWait, queueCapacity != null ? queueCapacity : 4 * maxBatch);
    }
  }
}
