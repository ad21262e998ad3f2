package io.livesubs.jobs.speech.whisper;

import io.livesubs.inference.asr.whisper.WhisperEngineConfig;
import io.livesubs.inference.asr.whisper.decoding.DecodeOptions;
import io.livesubs.inference.onnx.ExecutionDevice;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the Whisper path of the job ({@code asr.whisper.*} options). Immutable and
 * serializable; validated on construction, messages name the option key. Build with {@link
 * #builder()}.
 *
 * @param stepMs new audio of an open segment between two decodes ({@code asr.whisper.step-ms})
 * @param maxBatch most windows per model call, shared by all streams of a JVM ({@code
 *     asr.whisper.max-batch})
 * @param maxWaitMs longest a window waits for its batch to fill ({@code asr.whisper.max-wait-ms})
 * @param capacity windows in flight per subtask of the asynchronous decode stage; beyond it the
 *     stage backpressures ({@code asr.whisper.capacity})
 * @param timeoutMs longest a window may take, queue included; a window that takes longer is skipped
 *     and counted ({@code asr.whisper.timeout-ms})
 * @param minAvgLogprob windows whose average token log probability is below this are dropped as
 *     unreliable; negative infinity keeps everything ({@code asr.whisper.min-avg-logprob})
 * @param maxTokens tokens sampled per window at most ({@code asr.whisper.max-tokens})
 */
public record WhisperSettings(
    int stepMs,
    int maxBatch,
    int maxWaitMs,
    int capacity,
    long timeoutMs,
    double minAvgLogprob,
    int maxTokens)
    implements Serializable {

  /** Whisper's window; no decoded window is longer. */
  public static final int WINDOW_MS = 30_000;

  /** Validates; the message names the option key. */
  public WhisperSettings {
    check(stepMs >= 100 && stepMs <= 10_000, "asr.whisper.step-ms", "100..10000", stepMs);
    check(maxBatch >= 1 && maxBatch <= 4096, "asr.whisper.max-batch", "1..4096", maxBatch);
    check(maxWaitMs >= 0 && maxWaitMs <= 10_000, "asr.whisper.max-wait-ms", "0..10000", maxWaitMs);
    check(capacity >= 1 && capacity <= 10_000, "asr.whisper.capacity", "1..10000", capacity);
    check(
        timeoutMs >= 1 && timeoutMs <= 3_600_000,
        "asr.whisper.timeout-ms",
        "1..3600000",
        timeoutMs);
    if (Double.isNaN(minAvgLogprob) || minAvgLogprob > 0) {
      throw new IllegalArgumentException(
          "asr.whisper.min-avg-logprob must be <= 0 (-Infinity: keep all), got " + minAvgLogprob);
    }
    check(maxTokens >= 1 && maxTokens <= 224, "asr.whisper.max-tokens", "1..224", maxTokens);
  }

  /** Step 1 s, batches of up to 16 after up to 10 ms, 8 in flight, 60 s timeout. */
  public static WhisperSettings defaults() {
    return builder().build();
  }

  /** A builder preset with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with these settings. */
  public Builder toBuilder() {
    return builder()
        .stepMs(stepMs)
        .maxBatch(maxBatch)
        .maxWaitMs(maxWaitMs)
        .capacity(capacity)
        .timeoutMs(timeoutMs)
        .minAvgLogprob(minAvgLogprob)
        .maxTokens(maxTokens);
  }

  /**
   * The engine configuration for these settings.
   *
   * @param modelDir the Whisper ONNX folder
   * @param device {@code cpu}, {@code cuda} or {@code cuda:N}
   * @param language BCP 47 language for streams without a hint, or null to detect it per window
   */
  public WhisperEngineConfig engineConfig(String modelDir, String device, String language) {
    return WhisperEngineConfig.builder()
        .modelDir(Path.of(modelDir))
        .device(ExecutionDevice.parse(device))
        .stepMs(stepMs)
        .maxBatch(maxBatch)
        .maxWait(Duration.ofMillis(maxWaitMs))
        .language(language)
        .decoding(
            DecodeOptions.builder()
                .minAvgLogprob(minAvgLogprob)
                .maxSampledTokens(maxTokens)
                .build())
        .build();
  }

  private static void check(boolean ok, String key, String range, long value) {
    if (!ok) {
      throw new IllegalArgumentException(key + " must be in " + range + ", got " + value);
    }
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private int stepMs = 1000;
    private int maxBatch = 16;
    private int maxWaitMs = 10;
    private int capacity = 8;
    private long timeoutMs = 60_000;
    private double minAvgLogprob = -1.0;
    private int maxTokens = 224;

    private Builder() {}

    /** Audio between decodes, default 1000 ms. */
    public Builder stepMs(int v) {
      stepMs = v;
      return this;
    }

    /** Windows per model call, default 16. */
    public Builder maxBatch(int v) {
      maxBatch = v;
      return this;
    }

    /** Batch fill wait, default 10 ms. */
    public Builder maxWaitMs(int v) {
      maxWaitMs = v;
      return this;
    }

    /** Windows in flight per subtask, default 8. */
    public Builder capacity(int v) {
      capacity = v;
      return this;
    }

    /** Window timeout, default 60000 ms. */
    public Builder timeoutMs(long v) {
      timeoutMs = v;
      return this;
    }

    /** Drop threshold on the average log probability, default -1.0. */
    public Builder minAvgLogprob(double v) {
      minAvgLogprob = v;
      return this;
    }

    /** Tokens per window, default 224. */
    public Builder maxTokens(int v) {
      maxTokens = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the option key of the first invalid setting
     */
    public WhisperSettings build() {
      return new WhisperSettings(
          stepMs, maxBatch, maxWaitMs, capacity, timeoutMs, minAvgLogprob, maxTokens);
    }
  }
}
