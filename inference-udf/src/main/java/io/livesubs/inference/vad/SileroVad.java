package io.livesubs.inference.vad;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.models.SharedResourceRegistry;
import io.livesubs.inference.onnx.OrtRuntime;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Silero VAD (v5/v6 ONNX) for 16 kHz mono audio: speech probability of 512-sample windows, each
 * preceded by the previous window's last 64 samples (kept in {@link VadState}).
 *
 * <p>Model contract: inputs {@code input} f32[N, 64+512], {@code state} f32[2, N, 128], {@code sr}
 * i64; outputs {@code output} f32[N, 1], {@code stateN} f32[2, N, 128]. {@link #open} checks the
 * names and rejects other models (e.g. the legacy v3/v4 with h/c inputs).
 *
 * <p>Sharing and threading: one {@link OrtSession} per (model file, session config) per JVM, shared
 * by reference counting among all {@code SileroVad} instances; each instance holds one lease,
 * released by {@link #close()} (idempotent). Instances are thread-safe: they keep no per-stream
 * state (that is the caller's {@link VadState}), and ONNX Runtime documents {@code OrtSession.run}
 * as safe to call concurrently on one session.
 */
public final class SileroVad implements AutoCloseable {
  /** The only sample rate supported. */
  public static final int SAMPLE_RATE = 16_000;

  /** Samples per window at 16 kHz. */
  public static final int WINDOW_SIZE = 512;

  private static final int INPUT_SIZE = VadState.CONTEXT_SIZE + WINDOW_SIZE;
  private static final int HALF_STATE = VadState.RNN_STATE_SIZE / 2;
  private static final SharedResourceRegistry<Key, OrtSession> SESSIONS =
      new SharedResourceRegistry<>("Silero VAD session");

  private final Path modelFile;
  private final SharedResourceRegistry.Lease<OrtSession> lease;
  private final OrtSession session;
  private final OnnxTensor sampleRate;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SileroVad(Path modelFile, SharedResourceRegistry.Lease<OrtSession> lease) {
    this.modelFile = modelFile;
    this.lease = lease;
    this.session = lease.get();
    try {
      this.sampleRate = sampleRateTensor(session);
    } catch (OrtException e) {
      lease.close();
      throw new ModelLoadException("Cannot create the sr input for " + modelFile, e);
    }
  }

  /** Opens the model on the CPU with default threading. */
  public static SileroVad open(Path modelFile) {
    return open(modelFile, OrtSessionConfig.DEFAULT);
  }

  /**
   * Opens (or shares) the model with the given session config.
   *
   * @throws ModelLoadException if the file is missing, unreadable or not a Silero v5/v6 model
   */
  public static SileroVad open(Path modelFile, OrtSessionConfig config) {
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(config, "config");
    Path normalised;
    try {
      normalised = modelFile.toRealPath();
    } catch (IOException e) {
      throw new ModelLoadException("Silero VAD model file does not exist: " + modelFile, e);
    }
    return new SileroVad(
        normalised, SESSIONS.acquire(new Key(normalised, config), SileroVad::load));
  }

  /** The resolved model file. */
  public Path modelFile() {
    return modelFile;
  }

  /**
   * Runs one window of one stream.
   *
   * @param window exactly {@value #WINDOW_SIZE} samples in [-1, 1] (not modified)
   * @param state the stream's state before this window
   * @return the speech probability and the state after this window
   */
  public VadStep step(float[] window, VadState state) {
    return stepBatch(List.of(window), List.of(state)).get(0);
  }

  /**
   * Runs one window for each of N streams in a single batched model call.
   *
   * @param windows N windows of {@value #WINDOW_SIZE} samples each
   * @param states the N matching states
   * @return N steps, in the order of the inputs
   */
  public List<VadStep> stepBatch(List<float[]> windows, List<VadState> states) {
    int n = windows.size();
    if (n == 0 || n != states.size()) {
      throw new IllegalArgumentException(
          "Need one state per window and at least one window: windows="
              + n
              + ", states="
              + states.size());
    }
    float[] input = new float[n * INPUT_SIZE];
    float[] state = new float[n * VadState.RNN_STATE_SIZE];
    for (int i = 0; i < n; i++) {
      float[] window = windows.get(i);
      if (window == null || window.length != WINDOW_SIZE) {
        throw new IllegalArgumentException(
            "VAD window " + i + " must have " + WINDOW_SIZE + " samples");
      }
      float[] rnn = states.get(i).rnnStateView();
      System.arraycopy(
          states.get(i).contextView(), 0, input, i * INPUT_SIZE, VadState.CONTEXT_SIZE);
      System.arraycopy(window, 0, input, i * INPUT_SIZE + VadState.CONTEXT_SIZE, WINDOW_SIZE);
      // [2, N, 128]: first halves of all streams, then second halves.
      System.arraycopy(rnn, 0, state, i * HALF_STATE, HALF_STATE);
      System.arraycopy(rnn, HALF_STATE, state, (n + i) * HALF_STATE, HALF_STATE);
    }
    return run(windows, input, state, n);
  }

  private List<VadStep> run(List<float[]> windows, float[] input, float[] state, int n) {
    if (closed.get()) {
      throw new IllegalStateException("SileroVad for " + modelFile + " is closed");
    }
    OrtEnvironment env = OrtRuntime.environment();
    try (OnnxTensor in =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape(n, INPUT_SIZE));
        OnnxTensor st =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(state), shape(2, n, HALF_STATE));
        OrtSession.Result result =
            session.run(Map.of("input", in, "state", st, "sr", sampleRate))) {
      FloatBuffer probs = ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer();
      FloatBuffer next = ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer();
      List<VadStep> steps = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        float[] rnn = new float[VadState.RNN_STATE_SIZE];
        next.get(i * HALF_STATE, rnn, 0, HALF_STATE);
        next.get((n + i) * HALF_STATE, rnn, HALF_STATE, HALF_STATE);
        float[] context =
            Arrays.copyOfRange(windows.get(i), WINDOW_SIZE - VadState.CONTEXT_SIZE, WINDOW_SIZE);
        steps.add(new VadStep(probs.get(i), VadState.wrap(rnn, context)));
      }
      return steps;
    } catch (OrtException e) {
      throw new IllegalStateException("Silero VAD inference failed on " + modelFile, e);
    }
  }

  /** Releases this instance's lease on the shared session; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      sampleRate.close();
      lease.close();
    }
  }

  /** Open instances sharing the session for this file and config; for tests and diagnostics. */
  static int sharedSessionLeases(Path modelFile, OrtSessionConfig config) throws IOException {
    return SESSIONS.leases(new Key(modelFile.toRealPath(), config));
  }

  private static OrtSession load(Key key) {
    OrtSession session = OrtRuntime.openSession(key.file(), key.config());
    List<String> inputs = List.copyOf(session.getInputNames());
    List<String> outputs = List.copyOf(session.getOutputNames());
    if (!inputs.containsAll(List.of("input", "state", "sr"))
        || !outputs.containsAll(List.of("output", "stateN"))) {
      try {
        session.close();
      } catch (OrtException e) {
        // The model is rejected either way; the close failure adds nothing.
      }
      throw new ModelLoadException(
          key.file()
              + " is not a Silero VAD v5/v6 model: expected inputs [input, state, sr] and outputs"
              + " [output, stateN], found inputs "
              + inputs
              + " and outputs "
              + outputs);
    }
    return session;
  }

  private static OnnxTensor sampleRateTensor(OrtSession session) throws OrtException {
    NodeInfo sr = session.getInputInfo().get("sr");
    boolean scalar = sr.getInfo() instanceof TensorInfo info && info.getShape().length == 0;
    OrtEnvironment env = OrtRuntime.environment();
    return scalar
        ? OnnxTensor.createTensor(env, (long) SAMPLE_RATE)
        : OnnxTensor.createTensor(env, new long[] {SAMPLE_RATE});
  }

  private static long[] shape(long... dims) {
    return dims;
  }

  private record Key(Path file, OrtSessionConfig config) {}
}
