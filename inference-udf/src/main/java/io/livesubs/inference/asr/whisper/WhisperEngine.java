package io.livesubs.inference.asr.whisper;

import io.livesubs.inference.asr.AsrEngine;
import io.livesubs.inference.asr.AsrFeed;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.whisper.batch.BatchMetrics;
import io.livesubs.inference.asr.whisper.batch.BatchServiceConfig;
import io.livesubs.inference.asr.whisper.batch.WindowRequest;
import io.livesubs.inference.asr.whisper.decoding.DecodePrefix;
import io.livesubs.inference.asr.whisper.decoding.DecodeRequest;
import io.livesubs.inference.asr.whisper.decoding.WindowResult;
import io.livesubs.inference.asr.whisper.features.LogMelSpectrogram;
import io.livesubs.inference.asr.whisper.model.OnnxWhisperModel;
import io.livesubs.inference.asr.whisper.model.WhisperInference;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperLanguages;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.models.SharedResourceRegistry;
import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Speech recognition with Whisper, any size, behind {@link AsrEngine}: sessions re-decode their
 * growing segment every step and commit by LocalAgreement-2 ({@link WhisperSession}); the windows
 * of all sessions of all engines on the same model are decoded together by one {@link
 * io.livesubs.inference.asr.whisper.batch.WhisperBatchService}.
 *
 * <p>Batching: a session blocks its calling thread on its window's result, so concurrent callers
 * (Flink subtasks, async operator threads) batch together; {@link #acceptWaveforms} submits the
 * windows of all its feeds before waiting, so one caller with many streams batches too. A full
 * queue blocks callers: backpressure instead of a growing heap.
 *
 * <p>Determinism: greedy decoding and decode points at fixed multiples of the step from the segment
 * start make a session's output depend on its audio only, not on how callers split it or on which
 * windows share a batch, so replaying a segment after a restore gives the same captions.
 *
 * <p>Thread-safe. {@link #close()} is idempotent; engines from {@link #open} share the model and
 * batch service per model folder, device and batching limits in a JVM, and the last one closed
 * releases them. Engines from {@link #create} own their batch service, not the model.
 */
public final class WhisperEngine implements AsrEngine {
  private static final SharedResourceRegistry<SharedKey, WhisperServing> SHARED =
      new SharedResourceRegistry<>("Whisper model");

  private final WhisperEngineConfig config;
  private final WhisperServing serving;
  private final AutoCloseable release;
  private final ThreadLocal<LogMelSpectrogram> mels;
  private final String defaultLanguage;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WhisperEngine(WhisperEngineConfig config, WhisperServing serving, AutoCloseable release) {
    this.config = config;
    this.serving = serving;
    this.release = release;
    this.defaultLanguage = config.language() == null ? null : whisperLanguage(config.language());
    if (config.language() != null && defaultLanguage == null) {
      close();
      throw new IllegalArgumentException(
          name() + " does not recognise the configured language '" + config.language() + "'");
    }
    // The spectrogram keeps ~2 MB of work buffers and is not thread-safe: one per calling thread.
    this.mels = ThreadLocal.withInitial(() -> new LogMelSpectrogram(serving.assets().melFilters()));
  }

  /**
   * An engine on an already open model, which stays the caller's to close (after this engine).
   *
   * @throws io.livesubs.inference.models.ModelNotFoundException if the tokenizer or mel filters
   *     cannot be found (see {@link WhisperAssets})
   * @throws IllegalArgumentException if the tokenizer does not fit the model
   */
  public static WhisperEngine create(WhisperInference model, WhisperEngineConfig config) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(config, "config");
    WhisperAssets assets =
        WhisperAssets.load(model.config(), config.assetsDir(), config.modelDir());
    WhisperServing serving = new WhisperServing(model, false, assets, config);
    return new WhisperEngine(config, serving, serving);
  }

  /**
   * Opens (or shares) the ONNX model in {@link WhisperEngineConfig#modelDir()} on the configured
   * device.
   *
   * @throws IllegalArgumentException if no model folder is configured
   * @throws ModelLoadException if the model or its assets cannot be loaded
   */
  public static WhisperEngine open(WhisperEngineConfig config) {
    Objects.requireNonNull(config, "config");
    if (config.modelDir() == null) {
      throw new IllegalArgumentException("WhisperEngine.open needs a model folder (modelDir)");
    }
    Path dir;
    try {
      dir = config.modelDir().toRealPath();
    } catch (IOException e) {
      throw new ModelLoadException("Whisper model folder " + config.modelDir() + " not found", e);
    }
    SharedKey key =
        new SharedKey(
            dir, config.assetsDir(), config.device(), config.intraOpThreads(), config.batching());
    SharedResourceRegistry.Lease<WhisperServing> lease =
        SHARED.acquire(key, k -> openServing(k, config));
    return new WhisperEngine(config, lease.get(), lease);
  }

  private static WhisperServing openServing(SharedKey key, WhisperEngineConfig config) {
    OrtSessionConfig ort =
        OrtSessionConfig.builder()
            .device(key.device())
            .intraOpThreads(key.intraOpThreads())
            .build();
    OnnxWhisperModel model =
        OnnxWhisperModel.builder().folder(key.dir()).sessionConfig(ort).build();
    try {
      WhisperAssets assets = WhisperAssets.load(model.config(), key.assetsDir(), key.dir());
      return new WhisperServing(model, true, assets, config);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "whisper:" + serving.modelConfig().name();
  }

  /** Architecture and vocabulary of the model. */
  public WhisperModelConfig modelConfig() {
    return serving.modelConfig();
  }

  /** This engine's settings. */
  public WhisperEngineConfig config() {
    return config;
  }

  /** Timing of the shared batch service (per batch size), for benchmarks and monitoring. */
  public BatchMetrics batchMetrics() {
    return serving.batchService().metrics();
  }

  @Override
  public boolean supportsLanguage(String tag) {
    return tag != null && whisperLanguage(tag) != null;
  }

  /**
   * Opens a session; the config's language hint (primary subtag) wins over the engine's language.
   * Decodes happen every {@code max(stepMs, partialIntervalMs)} of audio.
   *
   * @throws IllegalArgumentException if the sample rate is not 16000 or the language unsupported
   * @throws IllegalStateException if the engine is closed
   */
  @Override
  public AsrSession openSession(AsrSessionConfig sessionConfig) {
    Objects.requireNonNull(sessionConfig, "config");
    if (closed.get()) {
      throw new IllegalStateException(name() + " is closed");
    }
    if (sessionConfig.sampleRate() != LogMelSpectrogram.SAMPLE_RATE) {
      throw new IllegalArgumentException(
          name() + " needs 16000 Hz audio, the session asks for " + sessionConfig.sampleRate());
    }
    String language = defaultLanguage;
    if (sessionConfig.language() != null) {
      language = whisperLanguage(sessionConfig.language());
      if (language == null) {
        throw new IllegalArgumentException(
            name() + " does not recognise language '" + sessionConfig.language() + "'");
      }
    }
    int stepMs = Math.max(config.streaming().stepMs(), sessionConfig.partialIntervalMs());
    return new WhisperSession(this, sessionConfig, language, stepMs);
  }

  /** Submits the due windows of every feed before waiting on any, round by round. */
  @Override
  public List<AsrUpdate> acceptWaveforms(List<AsrFeed> feeds) {
    Map<WhisperSession, AsrUpdate> before = new LinkedHashMap<>();
    for (AsrFeed feed : feeds) {
      if (!(feed.session() instanceof WhisperSession s) || s.engine() != this) {
        throw new IllegalArgumentException("feed session was not opened by " + name());
      }
      before.putIfAbsent(s, s.currentUpdate());
    }
    for (AsrFeed feed : feeds) {
      ((WhisperSession) feed.session()).append(feed.samples(), feed.offset(), feed.length());
    }
    Set<WhisperSession> sessions = before.keySet();
    while (true) {
      List<WhisperSession.Pending> round = new ArrayList<>();
      for (WhisperSession s : sessions) {
        WhisperSession.Pending p = s.submitNext();
        if (p != null) {
          round.add(p);
        }
      }
      if (round.isEmpty()) {
        break;
      }
      RuntimeException failure = null;
      for (WhisperSession.Pending p : round) {
        try {
          p.session().apply(p);
        } catch (RuntimeException e) {
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
    List<AsrUpdate> updates = new ArrayList<>(feeds.size());
    for (AsrFeed feed : feeds) {
      WhisperSession s = (WhisperSession) feed.session();
      updates.add(s.updateSince(before.get(s)));
    }
    return updates;
  }

  /**
   * Queues one prompt-free window of 16 kHz audio on the shared batch service, for callers that run
   * their own streaming policy (the Flink job's asynchronous decode stage). The log-mel is computed
   * on the calling thread; the call blocks only while the service's queue is full (backpressure).
   * The result is a function of the samples, the language and the engine's decoding options only,
   * whatever else shares its batch. Word times are seconds from the window's first sample.
   *
   * @param samples 16 kHz mono PCM; {@code length} samples from {@code offset}, at most 30 s
   * @param languageTag BCP 47 language to transcribe in, or null for the engine's language (or
   *     detection without one)
   * @return the decode, completed on the batch worker thread
   * @throws IllegalArgumentException if the window is longer than 30 s or the language unsupported
   * @throws IllegalStateException if the engine is closed
   * @throws InterruptedException if interrupted while waiting for room in the queue
   */
  public CompletableFuture<WindowResult> decodeWindow(
      short[] samples, int offset, int length, String languageTag) throws InterruptedException {
    Objects.checkFromIndexSize(offset, length, samples.length);
    if (closed.get()) {
      throw new IllegalStateException(name() + " is closed");
    }
    if (length > LogMelSpectrogram.N_SAMPLES) {
      throw new IllegalArgumentException(
          "a window holds at most " + LogMelSpectrogram.N_SAMPLES + " samples, got " + length);
    }
    String language = defaultLanguage;
    if (languageTag != null) {
      language = whisperLanguage(languageTag);
      if (language == null) {
        throw new IllegalArgumentException(
            name() + " does not recognise language '" + languageTag + "'");
      }
    }
    float[] audio = new float[length];
    for (int i = 0; i < length; i++) {
      audio[i] = samples[offset + i] / 32768f;
    }
    LogMelSpectrogram mel = melSpectrogram();
    float[] window = new float[mel.melBins() * LogMelSpectrogram.N_FRAMES];
    mel.window(audio, 0, length, window, 0);
    DecodeRequest decode =
        new DecodeRequest(
            new DecodePrefix(List.of(), language, config.task()),
            config.decoding(),
            length / (double) LogMelSpectrogram.SAMPLE_RATE);
    return serving.batchService().submit(new WindowRequest(window, decode));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        release.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + name() + " failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }

  WhisperServing serving() {
    return serving;
  }

  LogMelSpectrogram melSpectrogram() {
    return mels.get();
  }

  /** The Whisper code for a BCP 47 tag this model can do, or null. */
  String whisperLanguage(String tag) {
    String primary = tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    // BCP 47 writes Javanese "jv"; Whisper's token is <|jw|>.
    String code = primary.equals("jv") ? "jw" : primary;
    WhisperModelConfig model = serving.modelConfig();
    if (!model.multilingual()) {
      return code.equals("en") ? "en" : null;
    }
    int index = WhisperLanguages.indexOf(code);
    return index >= 0 && index < model.numLanguages() ? WhisperLanguages.codes().get(index) : null;
  }

  private record SharedKey(
      Path dir,
      Path assetsDir,
      ExecutionDevice device,
      int intraOpThreads,
      BatchServiceConfig batching) {}
}
