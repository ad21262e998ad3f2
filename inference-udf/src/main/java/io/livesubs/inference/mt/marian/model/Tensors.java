package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.livesubs.inference.onnx.OrtRuntime;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/** Creating, reading and row-selecting the tensors decoding passes around. Stateless. */
final class Tensors {
  private Tensors() {}

  /** A new int64 tensor; the caller owns it. */
  static OnnxTensor longs(long[] data, long... shape) throws OrtException {
    return OnnxTensor.createTensor(OrtRuntime.environment(), LongBuffer.wrap(data), shape);
  }

  /** The tensor output {@code name} of {@code result}, owned by the result. */
  static OnnxTensor output(OrtSession.Result result, String name) {
    OnnxValue value =
        result
            .get(name)
            .orElseThrow(() -> new IllegalStateException("the model gave no output " + name));
    return (OnnxTensor) value;
  }

  /** Whether {@code rows} keeps every one of {@code count} rows in order. */
  static boolean isIdentity(int[] rows, int count) {
    if (rows.length != count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (rows[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * A new tensor of the rows {@code rows} (first dimension, repeats allowed) of a float or int64
   * tensor; the caller owns it.
   */
  static OnnxTensor selectRows(OnnxTensor tensor, int[] rows) throws OrtException {
    long[] shape = tensor.getInfo().getShape().clone();
    int rowSize = (int) (tensor.getInfo().getNumElements() / Math.max(1, shape[0]));
    shape[0] = rows.length;
    if (tensor.getInfo().type == OnnxJavaType.INT64) {
      long[] src = toArray(tensor.getLongBuffer());
      long[] dst = new long[rows.length * rowSize];
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(src, rows[i] * rowSize, dst, i * rowSize, rowSize);
      }
      return longs(dst, shape);
    }
    float[] src = toArray(tensor.getFloatBuffer());
    float[] dst = new float[rows.length * rowSize];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(src, rows[i] * rowSize, dst, i * rowSize, rowSize);
    }
    return OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap(dst), shape);
  }

  /**
   * The logits of the last position of each row of a {@code [rows, positions, vocab]} tensor,
   * row-major {@code [rows * vocab]}.
   */
  static float[] lastPositionLogits(OnnxTensor logits, int rows) {
    long[] shape = logits.getInfo().getShape();
    if (shape.length != 3 || shape[0] != rows) {
      throw new IllegalStateException(
          "logits have shape " + Arrays.toString(shape) + ", expected [" + rows + ", n, vocab]");
    }
    float[] all = toArray(logits.getFloatBuffer());
    int positions = (int) shape[1];
    int vocab = (int) shape[2];
    if (positions == 1) {
      return all;
    }
    float[] last = new float[rows * vocab];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(all, (r * positions + positions - 1) * vocab, last, r * vocab, vocab);
    }
    return last;
  }

  /** The contents of a float buffer as an array (the buffer ORT returns is already a copy). */
  static float[] toArray(FloatBuffer buffer) {
    if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.array().length == buffer.limit()) {
      return buffer.array();
    }
    float[] out = new float[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static long[] toArray(LongBuffer buffer) {
    long[] out = new long[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
