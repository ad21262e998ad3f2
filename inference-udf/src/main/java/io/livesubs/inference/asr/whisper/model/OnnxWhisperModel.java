package io.livesubs.inference.asr.whisper.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.onnx.OrtRuntime;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Whisper model exported to ONNX (optimum / onnx-community layout), run by ONNX Runtime on the
 * CPU or a CUDA GPU: an encoder session and one ({@link DecoderLayout#MERGED merged}) or two
 * ({@link DecoderLayout#SPLIT split}) decoder sessions. Build with {@link #builder()}.
 *
 * <p>The key/value cache stays in ONNX Runtime values from step to step (never copied into Java
 * arrays); only the logits of each step are copied out. ONNX Runtime's Java API (1.28) has no I/O
 * binding and no device allocator, so on CUDA the cache crosses host memory between steps; the
 * cross-attention cache is not requested back from cached steps, so only its upload repeats.
 *
 * <p>Thread-safe: {@link #startBatch} may be called from many threads at once (ONNX Runtime
 * sessions run concurrently); each {@link DecoderBatch} is owned by its caller. {@link #close()}
 * waits for runs in progress, then releases the sessions; it is idempotent, and later calls fail
 * with {@link IllegalStateException}.
 */
public final class OnnxWhisperModel implements WhisperInference {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxWhisperModel.class);

  /** Frames of one encoder window (30 s at 100 frames per second). */
  public static final int WINDOW_FRAMES = 3000;

  private final WhisperModelFolder folder;
  private final WhisperModelConfig config;
  private final OrtSessionConfig sessionConfig;
  private final OrtSession encoder;
  private final DecoderRunner decoder;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final AtomicInteger openBatches = new AtomicInteger();
  private volatile boolean closed;

  private OnnxWhisperModel(Builder b, WhisperModelFolder folder) {
    this.folder = folder;
    this.sessionConfig = b.sessionConfig;
    String fallbackName = folder.dir().getFileName().toString();
    this.config =
        WhisperConfigJson.read(folder.configFile(), b.name != null ? b.name : fallbackName);
    this.encoder = OrtRuntime.openSession(folder.encoderFile(), sessionConfig);
    try {
      requireEncoderSignature();
      this.decoder = DecoderRunner.open(folder, config, sessionConfig);
    } catch (RuntimeException e) {
      closeEncoder();
      throw e;
    }
    LOG.info(
        "Whisper model {} loaded from {} on {} ({} decoder layers, d_model {})",
        config.name(),
        folder,
        sessionConfig.device(),
        config.decoderLayers(),
        config.modelDim());
  }

  /** A builder; {@link Builder#folder(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Opens the model in {@code dir} on the CPU with default settings. */
  public static OnnxWhisperModel open(Path dir) {
    return builder().folder(dir).build();
  }

  private void requireEncoderSignature() {
    if (!encoder.getInputNames().contains(KvNames.INPUT_FEATURES)
        || !encoder.getOutputNames().contains(KvNames.LAST_HIDDEN_STATE)) {
      throw new ModelLoadException(
          folder.encoderFile()
              + " is not a Whisper encoder export: expected input input_features and output"
              + " last_hidden_state, has inputs "
              + encoder.getInputNames()
              + " and outputs "
              + encoder.getOutputNames());
    }
  }

  @Override
  public WhisperModelConfig config() {
    return config;
  }

  /** The validated model folder. */
  public WhisperModelFolder folder() {
    return folder;
  }

  /** Device and threads the sessions run with. */
  public OrtSessionConfig sessionConfig() {
    return sessionConfig;
  }

  @Override
  public DecoderBatch startBatch(List<float[]> mels) {
    Objects.requireNonNull(mels, "mels");
    if (mels.isEmpty()) {
      throw new IllegalArgumentException("startBatch needs at least one mel window");
    }
    int windowLength = config.melBins() * WINDOW_FRAMES;
    FloatBuffer features =
        ByteBuffer.allocateDirect(mels.size() * windowLength * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    for (int i = 0; i < mels.size(); i++) {
      float[] mel = mels.get(i);
      if (mel == null || mel.length != windowLength) {
        throw new IllegalArgumentException(
            String.format(
                "mel window %d has %s floats, %s needs %d (%d bins x %d frames)",
                i,
                mel == null ? "no" : String.valueOf(mel.length),
                config.name(),
                windowLength,
                config.melBins(),
                WINDOW_FRAMES));
      }
      features.put(mel);
    }
    features.rewind();
    long[] shape = {mels.size(), config.melBins(), WINDOW_FRAMES};
    OrtSession.Result encoded =
        guarded(
            "encoder",
            () -> {
              try (OnnxTensor input =
                  OnnxTensor.createTensor(OrtRuntime.environment(), features, shape)) {
                return encoder.run(Map.of(KvNames.INPUT_FEATURES, input));
              }
            });
    try {
      OnnxTensor states = tensor(encoded, KvNames.LAST_HIDDEN_STATE);
      long[] expected = {mels.size(), config.audioContext(), config.modelDim()};
      if (!Arrays.equals(states.getInfo().getShape(), expected)) {
        throw new WhisperRunException(
            config.name()
                + ": encoder output has shape "
                + Arrays.toString(states.getInfo().getShape())
                + ", config.json implies "
                + Arrays.toString(expected));
      }
      openBatches.incrementAndGet();
      return new OnnxDecoderBatch(this, decoder, encoded, states, mels.size());
    } catch (RuntimeException e) {
      encoded.close();
      throw e;
    }
  }

  /** Runs {@code call} unless the model is closed; maps ONNX Runtime failures. */
  <T> T guarded(String what, OrtCall<T> call) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("Whisper model " + config.name() + " is closed");
      }
      return call.run();
    } catch (OrtException e) {
      throw new WhisperRunException(
          "ONNX Runtime failed in the " + what + " of " + config.name() + ": " + e.getMessage(), e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** The named output of {@code result} as a tensor. */
  static OnnxTensor tensor(OrtSession.Result result, String name) {
    OnnxValue value =
        result
            .get(name)
            .orElseThrow(() -> new WhisperRunException("model output " + name + " is missing"));
    if (!(value instanceof OnnxTensor t)) {
      throw new WhisperRunException("model output " + name + " is not a tensor");
    }
    return t;
  }

  void batchClosed() {
    openBatches.decrementAndGet();
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      int open = openBatches.get();
      if (open > 0) {
        LOG.warn("Whisper model {} closed with {} decoder batches still open", config.name(), open);
      }
      decoder.close();
      closeEncoder();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void closeEncoder() {
    try {
      encoder.close();
    } catch (OrtException e) {
      LOG.warn("closing the Whisper encoder session failed: {}", e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "OnnxWhisperModel["
        + config.name()
        + ", "
        + folder
        + ", "
        + sessionConfig.device()
        + "]";
  }

  /** A call into ONNX Runtime. */
  @FunctionalInterface
  interface OrtCall<T> {
    T run() throws OrtException;
  }

  /** Builder; not thread-safe. */
  public static final class Builder {
    private Path folder;
    private DecoderLayout layout;
    private OrtSessionConfig sessionConfig = OrtSessionConfig.DEFAULT;
    private String name;

    private Builder() {}

    /** The model folder (required). */
    public Builder folder(Path folder) {
      this.folder = folder;
      return this;
    }

    /** The decoder layout to load when a folder has both (default: merged if present). */
    public Builder layout(DecoderLayout layout) {
      this.layout = layout;
      return this;
    }

    /** Device and threads (default: CPU, one intra-op thread). */
    public Builder sessionConfig(OrtSessionConfig sessionConfig) {
      this.sessionConfig = sessionConfig;
      return this;
    }

    /** The label when {@code config.json} has no {@code _name_or_path} (default: folder name). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Validates the folder and opens the sessions.
     *
     * @throws NullPointerException if the folder or session config is missing
     * @throws IllegalArgumentException if the name is blank
     * @throws ModelLoadException if a file is missing, unreadable or does not match config.json
     * @throws IllegalStateException if CUDA is requested but this ONNX Runtime build lacks it
     */
    public OnnxWhisperModel build() {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(sessionConfig, "sessionConfig");
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      return new OnnxWhisperModel(this, WhisperModelFolder.open(folder, layout));
    }
  }
}
