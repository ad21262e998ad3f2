package io.livesubs.inference.asr.whisper.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;

/**
 * The decoder over one encoded batch of an {@link OnnxWhisperModel}. The key/value cache lives in
 * the ONNX Runtime results that produced it: the first step's result holds the cross-attention
 * cache for the life of the batch, the latest step's result holds the self-attention cache, and
 * each older result is closed as soon as the next step has consumed it.
 *
 * <p>Owned by one thread; not thread-safe. {@link #close()} is idempotent.
 */
final class OnnxDecoderBatch implements DecoderBatch {
  private final OnnxWhisperModel model;
  private final DecoderRunner decoder;
  private final WhisperModelConfig config;
  private final int rows;
  private OrtSession.Result encoded;
  private OnnxTensor encoderStates;
  private OrtSession.Result firstStep;
  private OrtSession.Result lastStep;
  private int position;
  private boolean closed;

  OnnxDecoderBatch(
      OnnxWhisperModel model,
      DecoderRunner decoder,
      OrtSession.Result encoded,
      OnnxTensor encoderStates,
      int rows) {
    this.model = model;
    this.decoder = decoder;
    this.config = model.config();
    this.encoded = encoded;
    this.encoderStates = encoderStates;
    this.rows = rows;
  }

  @Override
  public int size() {
    return rows;
  }

  @Override
  public int position() {
    return position;
  }

  @Override
  public float[][] step(int[] tokens) {
    if (closed) {
      throw new IllegalStateException("decoder batch is closed");
    }
    if (tokens == null || tokens.length != rows) {
      throw new IllegalArgumentException(
          "step needs one token per row: "
              + rows
              + " rows, got "
              + (tokens == null ? "null" : tokens.length + " tokens"));
    }
    if (position >= config.textContext()) {
      throw new IllegalStateException(
          "text context of " + config.textContext() + " positions is exhausted");
    }
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] < 0 || tokens[i] >= config.vocabSize()) {
        throw new IllegalArgumentException(
            "token " + tokens[i] + " of row " + i + " is outside 0.." + (config.vocabSize() - 1));
      }
    }
    OrtSession.Result result =
        model.guarded(
            "decoder step " + position,
            () -> {
              try (OnnxTensor ids = decoder.ids(tokens)) {
                return position == 0
                    ? decoder.first(ids, encoderStates)
                    : decoder.next(ids, encoderStates, this::past);
              }
            });
    float[][] logits;
    try {
      logits = lastLogits(result);
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
    advance(result);
    return logits;
  }

  private OnnxTensor past(String pastName) {
    OrtSession.Result owner = KvNames.isCrossAttention(pastName) ? firstStep : lastStep;
    return OnnxWhisperModel.tensor(owner, KvNames.presentFor(pastName));
  }

  private void advance(OrtSession.Result result) {
    if (position == 0) {
      firstStep = result;
      if (!decoder.cachedStepNeedsEncoderStates()) {
        // The cross-attention cache now holds all the decoder needs from the encoder.
        encoded.close();
        encoded = null;
        encoderStates = null;
      }
    } else if (lastStep != firstStep) {
      lastStep.close();
    }
    lastStep = result;
    position++;
  }

  private float[][] lastLogits(OrtSession.Result result) {
    OnnxTensor tensor = OnnxWhisperModel.tensor(result, KvNames.LOGITS);
    long[] shape = tensor.getInfo().getShape();
    if (shape.length != 3 || shape[0] != rows || shape[2] != config.vocabSize()) {
      throw new WhisperRunException(
          config.name()
              + ": logits have shape "
              + java.util.Arrays.toString(shape)
              + ", expected ["
              + rows
              + ", 1, "
              + config.vocabSize()
              + "]");
    }
    int seq = (int) shape[1];
    int vocab = config.vocabSize();
    FloatBuffer all = tensor.getFloatBuffer();
    float[][] out = new float[rows][vocab];
    for (int r = 0; r < rows; r++) {
      all.position((r * seq + seq - 1) * vocab);
      all.get(out[r]);
    }
    return out;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (lastStep != null && lastStep != firstStep) {
      lastStep.close();
    }
    if (firstStep != null) {
      firstStep.close();
    }
    if (encoded != null) {
      encoded.close();
    }
    lastStep = null;
    firstStep = null;
    encoded = null;
    encoderStates = null;
    model.batchClosed();
  }
}
