package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoding with the KV cache: the first step runs {@code decoder_model.onnx}, which also returns
 * the cross-attention keys and values of the encoder output; later steps run {@code
 * decoder_with_past_model.onnx} on one new token per row, feeding back the previous step's {@code
 * present.*} tensors as {@code past_key_values.*}. Output tensors are passed on without copying
 * while the rows stay as they are; {@link #keepRows} copies the selected rows.
 *
 * <p>Not thread-safe. Owns its cache ({@link #close()} releases it, idempotent); borrows the
 * batch's tensors.
 */
final class CachedStepDecoder implements StepDecoder {
  private final MarianOnnxModel model;
  private OnnxTensor hiddenStates;
  private OnnxTensor mask;
  private int rows;
  private boolean started;
  private final Map<String, OnnxTensor> crossCache = new HashMap<>();
  private final Map<String, OnnxTensor> selfCache = new HashMap<>();
  // What owns each half: the cross-attention half (and a selected mask) stays across steps, the
  // self-attention half is replaced by every step.
  private TensorScope crossScope = new TensorScope();
  private TensorScope selfScope = new TensorScope();

  CachedStepDecoder(MarianOnnxModel model, EncodedBatch batch) {
    this.model = model;
    this.hiddenStates = batch.hiddenStates();
    this.mask = batch.mask();
    this.rows = batch.rows();
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public float[] step(long[] tokens) throws OrtException {
    if (tokens.length != rows) {
      throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
    }
    try (OnnxTensor ids = Tensors.longs(tokens, rows, 1)) {
      Map<String, OnnxTensorLike> inputs = new LinkedHashMap<>();
      inputs.put(MarianOnnxModel.INPUT_IDS, ids);
      inputs.put(MarianOnnxModel.ENCODER_ATTENTION_MASK, mask);
      OrtSession.Result result;
      if (!started) {
        inputs.put(MarianOnnxModel.ENCODER_HIDDEN_STATES, hiddenStates);
        result = crossScope.own(model.decoderSession().run(inputs));
        started = true;
      } else {
        if (model.withPastTakesHiddenStates()) {
          inputs.put(MarianOnnxModel.ENCODER_HIDDEN_STATES, hiddenStates);
        }
        inputs.putAll(crossCache);
        inputs.putAll(selfCache);
        OrtSession.Result next = model.decoderWithPastSession().run(inputs);
        selfScope.close();
        selfScope = new TensorScope();
        result = selfScope.own(next);
      }
      for (String present : CacheNames.presents(model.layers(), crossCache.isEmpty())) {
        Map<String, OnnxTensor> cache = CacheNames.isEncoderSide(present) ? crossCache : selfCache;
        cache.put(CacheNames.pastOf(present), Tensors.output(result, present));
      }
      return Tensors.lastPositionLogits(Tensors.output(result, MarianOnnxModel.LOGITS), rows);
    }
  }

  @Override
  public void keepRows(int[] keep) throws OrtException {
    if (Tensors.isIdentity(keep, rows)) {
      return;
    }
    TensorScope newCross = new TensorScope();
    TensorScope newSelf = new TensorScope();
    try {
      OnnxTensor newMask = newCross.own(Tensors.selectRows(mask, keep));
      // After the first step the cache stands in for the hidden states (unless the export
      // still wants them), so they need not be copied.
      boolean needHidden = !started || model.withPastTakesHiddenStates();
      OnnxTensor newHidden =
          needHidden ? newCross.own(Tensors.selectRows(hiddenStates, keep)) : null;
      Map<String, OnnxTensor> cross = select(crossCache, keep, newCross);
      Map<String, OnnxTensor> self = select(selfCache, keep, newSelf);
      crossScope.close();
      selfScope.close();
      crossScope = newCross;
      selfScope = newSelf;
      mask = newMask;
      hiddenStates = newHidden;
      crossCache.putAll(cross);
      selfCache.putAll(self);
      rows = keep.length;
    } catch (OrtException | RuntimeException e) {
      newCross.close();
      newSelf.close();
      throw e;
    }
  }

  private static Map<String, OnnxTensor> select(
      Map<String, OnnxTensor> cache, int[] keep, TensorScope owner) throws OrtException {
    Map<String, OnnxTensor> out = new HashMap<>();
    for (Map.Entry<String, OnnxTensor> e : cache.entrySet()) {
      out.put(e.getKey(), owner.own(Tensors.selectRows(e.getValue(), keep)));
    }
    return out;
  }

  @Override
  public void close() {
    selfScope.close();
    crossScope.close();
    selfCache.clear();
    crossCache.clear();
  }
}
