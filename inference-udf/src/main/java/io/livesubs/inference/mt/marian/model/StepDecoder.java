package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OrtException;

/**
 * Runs a Marian decoder one token at a time over a set of rows (hypotheses), each tied to one
 * source sentence of an {@link EncodedBatch}. Search strategies feed each row's newest token, read
 * the logits of the next one, and drop, reorder or duplicate rows between steps (finished
 * sentences, beam search) with {@link #keepRows}.
 *
 * <p>Implementations own their caches and release them in {@link #close()} (idempotent); they
 * borrow the batch's tensors. Not thread-safe: one decoding at a time.
 */
public interface StepDecoder extends AutoCloseable {

  /** Current number of rows. */
  int rows();

  /**
   * Appends {@code tokens[r]} to row {@code r} and returns the logits of each row's next token,
   * row-major ({@code rows() * vocabulary size} values). The first call feeds the decoder start
   * token.
   *
   * @throws IllegalArgumentException if {@code tokens.length != rows()}
   */
  float[] step(long[] tokens) throws OrtException;

  /**
   * Continues with the rows {@code rows} (indices of current rows, in the new order; repeats
   * duplicate a row with its cache).
   */
  void keepRows(int[] rows) throws OrtException;

  @Override
  void close();
}
