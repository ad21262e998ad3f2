package io.livesubs.jobs.speech;

import io.livesubs.inference.asr.AsrEngine;
import io.livesubs.inference.asr.vosk.VoskEngine;
import io.livesubs.inference.asr.whisper.WhisperEngine;
import io.livesubs.inference.models.ModelLocator;
import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.jobs.speech.whisper.WhisperSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the speech recognition stage. Immutable and serializable (it travels inside the Flink
 * function); validated on construction. Build with {@link #builder()}.
 *
 * @param engine which engine recognises speech
 * @param modelDir the engine's model directory, or {@code null} to let {@link ModelLocator} find
 *     the default model on the task manager (Vosk only: Whisper needs one)
 * @param emitPartials whether partial hypotheses are emitted while someone speaks; off, the engine
 *     is not even asked for them (saves decoder time), and only final captions appear
 * @param partialIntervalMs minimum audio between two partial hypotheses, 0 to 10000 ms; the engine
 *     computes them at most this often (Vosk: at the end of a block of audio, once at least this
 *     much was decoded since the last one; the speech detector hands on 200 ms blocks while it is
 *     sure of speech and smaller ones around pauses), so smaller is more live and costs more
 *     decoding. Default 100 ms: over {@code en_dev_mix}, final-cue p95 956 ms in media time and WER
 *     0.134 ({@code EarlyCommitLatencyTest} prints them); 1044 ms and 0.136 with 200 ms in a
 *     one-off run of that test
 * @param device where the model runs: {@code cpu}, {@code cuda} or {@code cuda:N} (Whisper; Vosk
 *     runs on the CPU whatever this says)
 * @param language BCP 47 language for streams without a hint, or {@code null}: Vosk takes its
 *     model's, Whisper detects it per window
 * @param whisper the Whisper path's step, batching and async limits
 */
public record AsrSettings(
    Engine engine,
    String modelDir,
    boolean emitPartials,
    int partialIntervalMs,
    String device,
    String language,
    WhisperSettings whisper)
    implements Serializable {

  /** Longest accepted partial interval. */
  public static final int MAX_PARTIAL_INTERVAL_MS = 10_000;

  /** The speech recognition engines the job can run. */
  public enum Engine {
    /** Vosk (Kaldi), streaming, CPU; default model: the Vosk small en-us model. */
    VOSK,
    /**
     * Whisper on ONNX Runtime (CPU or CUDA), re-decoding open segments every step and batching
     * windows across streams; needs a model folder ({@code asr.model-dir}).
     */
    WHISPER;

    /** The engine's short name, as in configuration and operator names. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The engine named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known engines
     */
    public static Engine of(String id) {
      for (Engine e : values()) {
        if (e.id().equalsIgnoreCase(Objects.requireNonNull(id, "engine").strip())) {
          return e;
        }
      }
      throw new IllegalArgumentException(
          "unknown ASR engine '" + id + "'; known: " + java.util.Arrays.toString(ids()));
    }

    private static String[] ids() {
      Engine[] all = values();
      String[] ids = new String[all.length];
      for (int i = 0; i < all.length; i++) {
        ids[i] = all[i].id();
      }
      return ids;
    }
  }

  /** Validates the settings; the message names the bad one. */
  public AsrSettings {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(whisper, "whisper");
    if (modelDir != null && modelDir.isBlank()) {
      throw new IllegalArgumentException("ASR model directory must not be blank (null: locate it)");
    }
    if (engine == Engine.WHISPER && modelDir == null) {
      throw new IllegalArgumentException(
          "asr.model-dir is required with asr.engine=whisper: a Whisper ONNX folder "
              + "(./livesubs models pull, or models stand-in for a random-weight one)");
    }
    try {
      ExecutionDevice.parse(device);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException(
          "asr.device must be cpu, cuda or cuda:N, got '" + device + "'", bad);
    }
    if (language != null && !language.matches("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException(
          "asr.language must be a BCP 47 tag such as en or pt-BR, got '" + language + "'");
    }
    if (partialIntervalMs < 0 || partialIntervalMs > MAX_PARTIAL_INTERVAL_MS) {
      throw new IllegalArgumentException(
          "partialIntervalMs must be in 0.."
              + MAX_PARTIAL_INTERVAL_MS
              + " ms, got "
              + partialIntervalMs);
    }
  }

  /** Vosk with its default model on the CPU, partials on, every 200 ms of audio. */
  public static AsrSettings defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the engine. Engines share their loaded model per JVM (Vosk through its model registry),
   * so every subtask may open its own engine cheaply; the caller closes it.
   *
   * @throws io.livesubs.inference.models.ModelNotFoundException if the model cannot be found
   */
  public LoadedEngine open() {
    return switch (engine) {
      case VOSK -> {
        Path dir =
            ModelLocator.fromEnvironment().voskModel(modelDir == null ? null : Path.of(modelDir));
        // Partial hypotheses with word times: the cue stage commits stable prefixes by them.
        // They are deterministic because the engine refuses models that dither their features.
        VoskEngine vosk = VoskEngine.builder().modelDir(dir).build();
        yield new LoadedEngine(vosk, language != null ? language : vosk.language());
      }
      case WHISPER -> {
        // Shares the model and its batch service per folder, device and batching in the JVM.
        WhisperEngine w = WhisperEngine.open(whisper.engineConfig(modelDir, device, language));
        String fallback = w.modelConfig().multilingual() ? "und" : "en";
        yield new LoadedEngine(w, language != null ? language : fallback);
      }
    };
  }

  /**
   * An open engine and the language its model recognises. Closing it closes the engine.
   *
   * @param engine the engine; owned by whoever opened it
   * @param language the model's language (BCP-47 primary subtag), used for streams without a hint
   */
  public record LoadedEngine(AsrEngine engine, String language) implements AutoCloseable {
    @Override
    public void close() {
      engine.close();
    }
  }

  /** Builds {@link AsrSettings}; preset with the defaults. Not thread-safe. */
  public static final class Builder {
    private Engine engine = Engine.VOSK;
    private String modelDir;
    private boolean emitPartials = true;
    private int partialIntervalMs = 100;
    private String device = "cpu";
    private String language;
    private WhisperSettings whisper = WhisperSettings.defaults();

    private Builder() {}

    /** The engine, default {@link Engine#VOSK}. */
    public Builder engine(Engine value) {
      engine = value;
      return this;
    }

    /** The model directory, or null (default) to locate the engine's default model. */
    public Builder modelDir(String value) {
      modelDir = value;
      return this;
    }

    /** Whether to emit partial hypotheses, default true. */
    public Builder emitPartials(boolean value) {
      emitPartials = value;
      return this;
    }

    /** Minimum audio between partial hypotheses, default 200 ms. */
    public Builder partialIntervalMs(int value) {
      partialIntervalMs = value;
      return this;
    }

    /** The device, default {@code cpu}. */
    public Builder device(String value) {
      device = value;
      return this;
    }

    /** The language for streams without a hint, default null (the engine decides). */
    public Builder language(String value) {
      language = value;
      return this;
    }

    /** The Whisper path's settings, default {@link WhisperSettings#defaults()}. */
    public Builder whisper(WhisperSettings value) {
      whisper = value;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public AsrSettings build() {
      return new AsrSettings(
          engine, modelDir, emitPartials, partialIntervalMs, device, language, whisper);
    }
  }
}
