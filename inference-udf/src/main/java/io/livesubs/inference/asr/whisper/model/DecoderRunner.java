package io.livesubs.inference.asr.whisper.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.onnx.OrtRuntime;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the decoder of either {@link DecoderLayout}: the first step (no cache; the graph computes
 * the cross-attention cache from the encoder output) and cached steps. Checks at open that the ONNX
 * signatures match the config (names, layers, heads, head size), so a mismatched folder fails at
 * load with the offending name rather than at the first step.
 *
 * <p>Thread-safe: ONNX Runtime sessions may run concurrently, and the only shared tensors (the
 * {@code use_cache_branch} flags) are read-only. Owned by {@link OnnxWhisperModel}, which closes it
 * once.
 */
final class DecoderRunner implements AutoCloseable {
  private final OrtEnvironment env = OrtRuntime.environment();
  private final WhisperModelConfig config;
  private final OrtSession first;
  private final OrtSession cached;
  private final boolean merged;
  private final boolean cachedTakesEncoderStates;
  private final OnnxJavaType idsType;
  private final List<String> selfPast;
  private final List<String> crossPast;
  private final Set<String> firstOutputs = new LinkedHashSet<>();
  private final Set<String> cachedOutputs = new LinkedHashSet<>();
  private final OnnxTensor cacheOff;
  private final OnnxTensor cacheOn;

  private DecoderRunner(WhisperModelConfig config, OrtSession first, OrtSession cached)
      throws OrtException {
    this.config = config;
    this.first = first;
    this.cached = cached;
    this.merged = first == cached;
    int layers = config.decoderLayers();
    selfPast = KvNames.past(layers, true);
    crossPast = KvNames.past(layers, false);
    firstOutputs.add(KvNames.LOGITS);
    cachedOutputs.add(KvNames.LOGITS);
    for (int i = 0; i < selfPast.size(); i++) {
      firstOutputs.add(KvNames.presentFor(selfPast.get(i)));
      firstOutputs.add(KvNames.presentFor(crossPast.get(i)));
      cachedOutputs.add(KvNames.presentFor(selfPast.get(i)));
    }
    cachedTakesEncoderStates = cached.getInputNames().contains(KvNames.ENCODER_HIDDEN_STATES);
    NodeInfo ids = first.getInputInfo().get(KvNames.INPUT_IDS);
    idsType = ids != null && ids.getInfo() instanceof TensorInfo t ? t.type : null;
    cacheOff = merged ? OnnxTensor.createTensor(env, new boolean[] {false}) : null;
    cacheOn = merged ? OnnxTensor.createTensor(env, new boolean[] {true}) : null;
  }

  /**
   * Opens and checks the decoder session(s) of {@code folder}.
   *
   * @throws ModelLoadException if a file cannot be loaded or does not match {@code config}
   */
  static DecoderRunner open(
      WhisperModelFolder folder, WhisperModelConfig config, OrtSessionConfig sessionConfig) {
    OrtSession first = OrtRuntime.openSession(folder.decoderFile(), sessionConfig);
    OrtSession cached = first;
    DecoderRunner runner = null;
    try {
      if (folder.layout() == DecoderLayout.SPLIT) {
        cached = OrtRuntime.openSession(folder.decoderWithPastFile().orElseThrow(), sessionConfig);
      }
      runner = new DecoderRunner(config, first, cached);
      runner.check(folder);
      return runner;
    } catch (OrtException | RuntimeException e) {
      if (runner != null) {
        runner.close();
      } else {
        closeQuietly(first);
        if (cached != first) {
          closeQuietly(cached);
        }
      }
      if (e instanceof ModelLoadException m) {
        throw m;
      }
      throw new ModelLoadException(
          "cannot use the decoder of " + folder + ": " + e.getMessage(), e);
    }
  }

  private void check(WhisperModelFolder folder) throws OrtException {
    List<String> firstInputs = new ArrayList<>(List.of(KvNames.INPUT_IDS));
    firstInputs.add(KvNames.ENCODER_HIDDEN_STATES);
    if (merged) {
      firstInputs.addAll(allPast());
      firstInputs.add(KvNames.USE_CACHE_BRANCH);
    }
    requireSignature(first, folder.decoderFile(), firstInputs, firstOutputs);
    if (!merged) {
      List<String> cachedInputs = new ArrayList<>(List.of(KvNames.INPUT_IDS));
      cachedInputs.addAll(allPast());
      if (cachedTakesEncoderStates) {
        cachedInputs.add(KvNames.ENCODER_HIDDEN_STATES);
      }
      requireSignature(
          cached, folder.decoderWithPastFile().orElseThrow(), cachedInputs, cachedOutputs);
    }
    if (idsType != OnnxJavaType.INT64 && idsType != OnnxJavaType.INT32) {
      throw new ModelLoadException(
          folder.decoderFile() + ": input_ids must be int64 or int32, is " + idsType);
    }
    OrtSession withPast = merged ? first : cached;
    for (String name : allPast()) {
      long[] dims = ((TensorInfo) withPast.getInputInfo().get(name).getInfo()).getShape();
      if (dims.length != 4 || !fits(dims[1], config.heads()) || !fits(dims[3], config.headDim())) {
        throw new ModelLoadException(
            String.format(
                "%s: %s has shape %s, config.json implies [batch, %d, past, %d]",
                folder.decoderFile().getFileName(),
                name,
                java.util.Arrays.toString(dims),
                config.heads(),
                config.headDim()));
      }
    }
  }

  private static boolean fits(long dim, int expected) {
    return dim < 0 || dim == expected; // symbolic dimensions read as -1
  }

  private void requireSignature(
      OrtSession session, Path file, List<String> inputs, Set<String> outputs) throws OrtException {
    Set<String> declared = session.getInputNames();
    List<String> missing = new ArrayList<>();
    inputs.stream().filter(n -> !declared.contains(n)).forEach(n -> missing.add("input " + n));
    outputs.stream()
        .filter(n -> !session.getOutputNames().contains(n))
        .forEach(n -> missing.add("output " + n));
    List<String> unknown = declared.stream().filter(n -> !inputs.contains(n)).toList();
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new ModelLoadException(
          file
              + " does not match config.json (decoder_layers="
              + config.decoderLayers()
              + "): "
              + (missing.isEmpty() ? "" : "lacks " + missing + " ")
              + (unknown.isEmpty() ? "" : "has unexpected inputs " + unknown));
    }
  }

  private List<String> allPast() {
    List<String> all = new ArrayList<>(selfPast);
    all.addAll(crossPast);
    return all;
  }

  /** A {@code [rows, 1]} tensor of token ids in the type the decoder declares. */
  OnnxTensor ids(int[] tokens) throws OrtException {
    long[] shape = {tokens.length, 1};
    if (idsType == OnnxJavaType.INT32) {
      return OnnxTensor.createTensor(env, IntBuffer.wrap(tokens.clone()), shape);
    }
    long[] ids = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      ids[i] = tokens[i];
    }
    return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
  }

  /** Whether cached steps still read the encoder output (else it can be released). */
  boolean cachedStepNeedsEncoderStates() {
    return merged || cachedTakesEncoderStates;
  }

  /**
   * The first step: logits plus the whole cache (self- and cross-attention). The caller owns the
   * result.
   */
  OrtSession.Result first(OnnxTensor ids, OnnxTensor encoderStates) throws OrtException {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    inputs.put(KvNames.INPUT_IDS, ids);
    inputs.put(KvNames.ENCODER_HIDDEN_STATES, encoderStates);
    if (!merged) {
      return first.run(inputs, firstOutputs);
    }
    // The merged graph declares the past inputs on both branches; the no-cache branch ignores
    // them, so they are fed empty (zero past positions), as optimum does.
    long rows = ids.getInfo().getShape()[0];
    long[] emptyShape = {rows, config.heads(), 0, config.headDim()};
    try (OnnxTensor empty = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), emptyShape)) {
      for (String name : allPast()) {
        inputs.put(name, empty);
      }
      inputs.put(KvNames.USE_CACHE_BRANCH, cacheOff);
      return first.run(inputs, firstOutputs);
    }
  }

  /**
   * A cached step: logits plus the grown self-attention cache (the cross-attention cache does not
   * change, so it is not requested back). The caller owns the result.
   *
   * @param past the tensor for each {@code past_key_values...} name
   */
  OrtSession.Result next(
      OnnxTensor ids, OnnxTensor encoderStates, Function<String, OnnxTensor> past)
      throws OrtException {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    inputs.put(KvNames.INPUT_IDS, ids);
    if (cachedStepNeedsEncoderStates()) {
      inputs.put(KvNames.ENCODER_HIDDEN_STATES, encoderStates);
    }
    for (String name : allPast()) {
      inputs.put(name, past.apply(name));
    }
    if (merged) {
      inputs.put(KvNames.USE_CACHE_BRANCH, cacheOn);
    }
    return cached.run(inputs, cachedOutputs);
  }

  @Override
  public void close() {
    if (cacheOff != null) {
      cacheOff.close();
      cacheOn.close();
    }
    closeQuietly(first);
    if (cached != first) {
      closeQuietly(cached);
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(DecoderRunner.class)
          .warn("closing a Whisper decoder session failed: {}", e.getMessage());
    }
  }
}
