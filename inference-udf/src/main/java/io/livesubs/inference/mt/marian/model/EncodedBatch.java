package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;

/**
 * One batch of source sentences run through the encoder: the hidden states ({@code [rows, length,
 * d_model]}) and the attention mask of real tokens ({@code [rows, length]}, int64), which the
 * decoder reads. Created by {@link MarianOnnxModel#encode}; owns its tensors and releases them on
 * {@link #close()} (idempotent). Decoders borrow them, so close the decoders first. Not
 * thread-safe.
 */
public final class EncodedBatch implements AutoCloseable {
  private final OrtSession.Result encoderResult;
  private final OnnxTensor mask;
  private final int rows;
  private final int length;
  private boolean closed;

  EncodedBatch(OrtSession.Result encoderResult, OnnxTensor mask, int rows, int length) {
    this.encoderResult = encoderResult;
    this.mask = mask;
    this.rows = rows;
    this.length = length;
  }

  /** Number of sentences. */
  public int rows() {
    return rows;
  }

  /** Padded source length in tokens. */
  public int length() {
    return length;
  }

  OnnxTensor hiddenStates() {
    return Tensors.output(encoderResult, MarianOnnxModel.LAST_HIDDEN_STATE);
  }

  OnnxTensor mask() {
    return mask;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      mask.close();
      encoderResult.close();
    }
  }
}
