package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Decoding without a cache: every step runs {@code decoder_model.onnx} on each row's whole prefix
 * and reads the logits of its last position. Quadratic in the output length, so meant for checking
 * the cached decoder and for exports without {@code decoder_with_past_model.onnx}.
 *
 * <p>Not thread-safe. Owns the row selections it makes ({@link #close()} releases them,
 * idempotent); borrows the batch's tensors.
 */
final class FullPrefixStepDecoder implements StepDecoder {
  private final MarianOnnxModel model;
  private OnnxTensor hiddenStates;
  private OnnxTensor mask;
  private long[][] prefixes;
  private TensorScope selection = new TensorScope();

  FullPrefixStepDecoder(MarianOnnxModel model, EncodedBatch batch) {
    this.model = model;
    this.hiddenStates = batch.hiddenStates();
    this.mask = batch.mask();
    this.prefixes = new long[batch.rows()][0];
  }

  @Override
  public int rows() {
    return prefixes.length;
  }

  @Override
  public float[] step(long[] tokens) throws OrtException {
    int rows = prefixes.length;
    if (tokens.length != rows) {
      throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
    }
    int length = rows == 0 ? 1 : prefixes[0].length + 1;
    long[] ids = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      long[] grown = Arrays.copyOf(prefixes[r], length);
      grown[length - 1] = tokens[r];
      prefixes[r] = grown;
      System.arraycopy(grown, 0, ids, r * length, length);
    }
    try (OnnxTensor input = Tensors.longs(ids, rows, length);
        OrtSession.Result result =
            model
                .decoderSession()
                .run(
                    Map.of(
                        MarianOnnxModel.INPUT_IDS,
                        input,
                        MarianOnnxModel.ENCODER_HIDDEN_STATES,
                        hiddenStates,
                        MarianOnnxModel.ENCODER_ATTENTION_MASK,
                        mask),
                    Set.of(MarianOnnxModel.LOGITS))) {
      return Tensors.lastPositionLogits(Tensors.output(result, MarianOnnxModel.LOGITS), rows);
    }
  }

  @Override
  public void keepRows(int[] keep) throws OrtException {
    if (Tensors.isIdentity(keep, prefixes.length)) {
      return;
    }
    TensorScope next = new TensorScope();
    try {
      OnnxTensor newHidden = next.own(Tensors.selectRows(hiddenStates, keep));
      OnnxTensor newMask = next.own(Tensors.selectRows(mask, keep));
      long[][] newPrefixes = new long[keep.length][];
      for (int i = 0; i < keep.length; i++) {
        newPrefixes[i] = prefixes[keep[i]];
      }
      selection.close();
      selection = next;
      hiddenStates = newHidden;
      mask = newMask;
      prefixes = newPrefixes;
    } catch (OrtException | RuntimeException e) {
      next.close();
      throw e;
    }
  }

  @Override
  public void close() {
    selection.close();
  }
}
