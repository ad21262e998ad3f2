package io.livesubs.inference.asr.whisper;

import io.livesubs.inference.asr.whisper.batch.BatchServiceConfig;
import io.livesubs.inference.asr.whisper.decoding.DecodeOptions;
import io.livesubs.inference.asr.whisper.streaming.StreamingConfig;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTask;
import io.livesubs.inference.onnx.ExecutionDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link WhisperEngine}. Immutable; build with {@link #builder()}, which validates.
 *
 * @param modelDir the model folder (needed by {@link WhisperEngine#open}; may be null for {@link
 *     WhisperEngine#create}, where it is only searched for tokenizer files)
 * @param assetsDir a folder holding the tokenizer ranks and {@code mel_filters.npz}, or null to
 *     search the model folder, then {@code models/whisper-tokenizer} in the shared data directory
 * @param device where the ONNX model runs (default CPU)
 * @param intraOpThreads ONNX Runtime threads per operator (default 1)
 * @param batching cross-stream batching limits
 * @param streaming step, trimming and prompt of the streaming policy
 * @param language Whisper language for sessions without a hint, or null to detect it per session
 * @param task transcribe (default) or translate into English
 * @param decoding decoding options and window guards
 */
public record WhisperEngineConfig(
    Path modelDir,
    Path assetsDir,
    ExecutionDevice device,
    int intraOpThreads,
    BatchServiceConfig batching,
    StreamingConfig streaming,
    String language,
    WhisperTask task,
    DecodeOptions decoding) {

  /** Validates the components. */
  public WhisperEngineConfig {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(batching, "batching");
    Objects.requireNonNull(streaming, "streaming");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(decoding, "decoding");
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, was " + intraOpThreads);
    }
    if (language != null && language.isBlank()) {
      throw new IllegalArgumentException("language must be null (detect) or non-blank");
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private Path modelDir;
    private Path assetsDir;
    private ExecutionDevice device = ExecutionDevice.CPU;
    private int intraOpThreads = 1;
    private final BatchServiceConfig.Builder batching = BatchServiceConfig.builder();
    private final StreamingConfig.Builder streaming = StreamingConfig.builder();
    private String language;
    private WhisperTask task = WhisperTask.TRANSCRIBE;
    private DecodeOptions.Builder decoding = DecodeOptions.builder();

    private Builder() {}

    /** The model folder. */
    public Builder modelDir(Path v) {
      modelDir = v;
      return this;
    }

    /** Where the tokenizer ranks and mel filters are (default: searched). */
    public Builder assetsDir(Path v) {
      assetsDir = v;
      return this;
    }

    /** The device (default CPU). */
    public Builder device(ExecutionDevice v) {
      device = v;
      return this;
    }

    /** Parses {@code cpu}, {@code cuda} or {@code cuda:N}. */
    public Builder device(String v) {
      device = ExecutionDevice.parse(v);
      return this;
    }

    /** ONNX Runtime intra-op threads (default 1). */
    public Builder intraOpThreads(int v) {
      intraOpThreads = v;
      return this;
    }

    /** Audio between decodes of a segment (default 1000 ms). */
    public Builder stepMs(int v) {
      streaming.stepMs(v);
      return this;
    }

    /** Buffer length that triggers trimming at a committed sentence (default 20000 ms). */
    public Builder trimThresholdMs(int v) {
      streaming.trimThresholdMs(v);
      return this;
    }

    /** Buffer length that forces a cut (default 25000 ms). */
    public Builder maxBufferMs(int v) {
      streaming.maxBufferMs(v);
      return this;
    }

    /** Characters of committed text to prompt with (default 200). */
    public Builder promptChars(int v) {
      streaming.promptChars(v);
      return this;
    }

    /** Most windows per model call (default 16). */
    public Builder maxBatch(int v) {
      batching.maxBatch(v);
      return this;
    }

    /** Longest wait for a batch to fill (default 10 ms). */
    public Builder maxWait(Duration v) {
      batching.maxWait(v);
      return this;
    }

    /** Windows that may queue for the model (default {@code 4 * maxBatch}). */
    public Builder queueCapacity(int v) {
      batching.queueCapacity(v);
      return this;
    }

    /** Language for sessions without a hint; null (default) detects it. */
    public Builder language(String v) {
      language = v;
      return this;
    }

    /** Transcribe (default) or translate. */
    public Builder task(WhisperTask v) {
      task = v;
      return this;
    }

    /** Replaces all decoding options (thresholds included). */
    public Builder decoding(DecodeOptions v) {
      decoding = v.toBuilder();
      return this;
    }

    /** No-speech probability threshold (default 0.6). */
    public Builder noSpeechThreshold(double v) {
      decoding.noSpeechThreshold(v);
      return this;
    }

    /** Average log probability that keeps a likely no-speech window (default -1.0). */
    public Builder logprobThreshold(double v) {
      decoding.logprobThreshold(v);
      return this;
    }

    /** Average log probability below which a window is dropped (default -1.0). */
    public Builder minAvgLogprob(double v) {
      decoding.minAvgLogprob(v);
      return this;
    }

    /** Compression ratio above which a window is dropped (default 2.4). */
    public Builder compressionRatioThreshold(double v) {
      decoding.compressionRatioThreshold(v);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the invalid setting
     * @throws NullPointerException if the device or task is null
     */
    public WhisperEngineConfig build() {
      return new WhisperEngineConfig(
          modelDir,
          assetsDir,
          device,
          intraOpThreads,
          batching.build(),
          streaming.build(),
          language,
          task,
          decoding.build());
    }
  }
}
