package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.onnx.OrtRuntime;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX Runtime sessions of a Marian model export: encoder, decoder and (for cached decoding)
 * decoder with past. Input and output names are those of Hugging Face optimum exports:
 *
 * <pre>
 * encoder_model.onnx            input_ids, attention_mask → last_hidden_state
 * decoder_model.onnx            input_ids, encoder_hidden_states, encoder_attention_mask
 *                               → logits, present.{i}.decoder|encoder.key|value
 * decoder_with_past_model.onnx  input_ids, encoder_attention_mask,
 *                               past_key_values.{i}.decoder|encoder.key|value
 *                               → logits, present.{i}.decoder.key|value
 * </pre>
 *
 * Each session is checked against these names when opened. {@code encoder_hidden_states} is fed to
 * the decoder with past only if it declares it (some exports keep the unused input).
 *
 * <p>Thread-safe: sessions may run concurrently; each {@link #encode} and {@link #decoder} call
 * creates state owned by its caller. {@link #close()} is idempotent and must not race with runs.
 */
public final class MarianOnnxModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MarianOnnxModel.class);

  static final String INPUT_IDS = "input_ids";
  static final String ATTENTION_MASK = "attention_mask";
  static final String LAST_HIDDEN_STATE = "last_hidden_state";
  static final String ENCODER_HIDDEN_STATES = "encoder_hidden_states";
  static final String ENCODER_ATTENTION_MASK = "encoder_attention_mask";
  static final String LOGITS = "logits";

  private final OrtSession encoder;
  private final OrtSession decoder;
  private final OrtSession decoderWithPast;
  private final int layers;
  private final int padId;
  private final boolean withPastTakesHiddenStates;
  private boolean closed;

  private MarianOnnxModel(
      OrtSession encoder, OrtSession decoder, OrtSession decoderWithPast, int layers, int padId) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.decoderWithPast = decoderWithPast;
    this.layers = layers;
    this.padId = padId;
    this.withPastTakesHiddenStates =
        decoderWithPast != null && decoderWithPast.getInputNames().contains(ENCODER_HIDDEN_STATES);
  }

  /**
   * Opens the sessions of {@code folder} (the decoder with past only if {@code withCache}).
   *
   * @throws ModelLoadException naming the file and the input or output it lacks, or why ONNX
   *     Runtime cannot load it
   */
  public static MarianOnnxModel open(
      MarianModelFolder folder,
      MarianModelConfig config,
      OrtSessionConfig sessionConfig,
      boolean withCache) {
    List<OrtSession> opened = new ArrayList<>();
    try {
      int layers = config.decoderLayers();
      OrtSession encoder = open(folder.encoder(), sessionConfig, opened);
      require(
          encoder,
          folder.encoder(),
          List.of(INPUT_IDS, ATTENTION_MASK),
          List.of(LAST_HIDDEN_STATE));
      OrtSession decoder = open(folder.decoder(), sessionConfig, opened);
      List<String> presents = new ArrayList<>(List.of(LOGITS));
      presents.addAll(CacheNames.presents(layers, true));
      require(
          decoder,
          folder.decoder(),
          List.of(INPUT_IDS, ENCODER_HIDDEN_STATES, ENCODER_ATTENTION_MASK),
          presents);
      checkVocabulary(decoder, folder.decoder(), config.vocabSize());
      OrtSession withPast = null;
      if (withCache) {
        withPast = open(folder.decoderWithPast(), sessionConfig, opened);
        List<String> inputs = new ArrayList<>(List.of(INPUT_IDS, ENCODER_ATTENTION_MASK));
        inputs.addAll(CacheNames.pasts(layers));
        List<String> outputs = new ArrayList<>(List.of(LOGITS));
        outputs.addAll(CacheNames.presents(layers, false));
        require(withPast, folder.decoderWithPast(), inputs, outputs);
      }
      return new MarianOnnxModel(encoder, decoder, withPast, layers, config.padTokenId());
    } catch (RuntimeException e) {
      opened.forEach(MarianOnnxModel::closeQuietly);
      throw e;
    }
  }

  private static OrtSession open(Path file, OrtSessionConfig config, List<OrtSession> opened) {
    OrtSession session = OrtRuntime.openSession(file, config);
    opened.add(session);
    return session;
  }

  private static void require(
      OrtSession session, Path file, List<String> inputs, List<String> outputs) {
    List<String> missing = new ArrayList<>();
    Set<String> in = session.getInputNames();
    Set<String> out = session.getOutputNames();
    inputs.stream().filter(n -> !in.contains(n)).map(n -> "input " + n).forEach(missing::add);
    outputs.stream().filter(n -> !out.contains(n)).map(n -> "output " + n).forEach(missing::add);
    if (!missing.isEmpty()) {
      throw new ModelLoadException(
          file
              + " is not a Marian export with the expected names: it lacks "
              + String.join(", ", missing.subList(0, Math.min(6, missing.size())))
              + (missing.size() > 6 ? " and " + (missing.size() - 6) + " more" : "")
              + " (has inputs "
              + in
              + ")");
    }
  }

  private static void checkVocabulary(OrtSession decoder, Path file, int vocab) {
    try {
      if (decoder.getOutputInfo().get(LOGITS).getInfo() instanceof TensorInfo t) {
        long[] shape = t.getShape();
        if (shape.length != 3 || (shape[2] > 0 && shape[2] != vocab)) {
          throw new ModelLoadException(
              file
                  + " outputs logits of shape "
                  + Arrays.toString(shape)
                  + ", expected [batch, length, "
                  + vocab
                  + "] (vocab_size of config.json)");
        }
      }
    } catch (OrtException e) {
      throw new ModelLoadException("cannot inspect the outputs of " + file + ": " + e, e);
    }
  }

  /**
   * Runs the encoder over {@code ids} (one row per sentence, each ending with {@code </s>}), padded
   * to the longest row with the pad id.
   */
  public EncodedBatch encode(int[][] ids) throws OrtException {
    int rows = ids.length;
    int length = 1;
    for (int[] row : ids) {
      length = Math.max(length, row.length);
    }
    long[] tokens = new long[rows * length];
    long[] mask = new long[rows * length];
    Arrays.fill(tokens, padId);
    for (int r = 0; r < rows; r++) {
      for (int t = 0; t < ids[r].length; t++) {
        tokens[r * length + t] = ids[r][t];
        mask[r * length + t] = 1;
      }
    }
    OnnxTensor maskTensor = Tensors.longs(mask, rows, length);
    try (OnnxTensor tokenTensor = Tensors.longs(tokens, rows, length)) {
      OrtSession.Result result =
          encoder.run(Map.of(INPUT_IDS, tokenTensor, ATTENTION_MASK, maskTensor));
      return new EncodedBatch(result, maskTensor, rows, length);
    } catch (OrtException | RuntimeException e) {
      maskTensor.close();
      throw e;
    }
  }

  /**
   * A decoder over {@code batch}, one row per sentence: with the KV cache (decoder, then decoder
   * with past) or, if {@code useCache} is false, re-running the decoder on each row's whole prefix.
   *
   * @throws IllegalStateException if a cache is asked for but the model was opened without one
   */
  public StepDecoder decoder(EncodedBatch batch, boolean useCache) {
    if (useCache && decoderWithPast == null) {
      throw new IllegalStateException("the model was opened without decoder_with_past_model.onnx");
    }
    return useCache ? new CachedStepDecoder(this, batch) : new FullPrefixStepDecoder(this, batch);
  }

  /** Whether the decoder with past was opened. */
  public boolean hasCache() {
    return decoderWithPast != null;
  }

  OrtSession decoderSession() {
    return decoder;
  }

  OrtSession decoderWithPastSession() {
    return decoderWithPast;
  }

  boolean withPastTakesHiddenStates() {
    return withPastTakesHiddenStates;
  }

  int layers() {
    return layers;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      closeQuietly(decoderWithPast);
      closeQuietly(decoder);
      closeQuietly(encoder);
    }
  }

  private static void closeQuietly(OrtSession session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warn("ONNX Runtime failed to close a Marian session", e);
    }
  }
}
