package io.livesubs.inference.asr.whisper.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense n-dimensional array read from a NumPy {@code .npy} file, in C (row-major) order, with its
 * values widened to {@code double}. Immutable: accessors that expose arrays return copies, so
 * instances can be shared between threads.
 */
public final class NpyArray {
  private final String dtype;
  private final int[] shape;
  private final double[] data;

  /**
   * @param dtype the NumPy type descriptor the values were stored with (e.g. {@code <f4})
   * @param shape the dimensions; their product must equal {@code data.length}
   * @param data the values in row-major order; owned by the new instance (not copied)
   */
  NpyArray(String dtype, int[] shape, double[] data) {
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.shape = shape.clone();
    this.data = Objects.requireNonNull(data, "data");
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
    }
  }

  /** The NumPy type descriptor the values were stored with, e.g. {@code <f4} or {@code <f8}. */
  public String dtype() {
    return dtype;
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** The extent of dimension {@code axis}. */
  public int dim(int axis) {
    return shape[axis];
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** The total number of values. */
  public int size() {
    return data.length;
  }

  /** The value at a flat row-major index. */
  public double get(int flatIndex) {
    return data[flatIndex];
  }

  /** A copy of the values in row-major order. */
  public double[] toDoubles() {
    return data.clone();
  }

  /** A copy of the values in row-major order, narrowed to {@code float}. */
  public float[] toFloats() {
    float[] out = new float[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = (float) data[i];
    }
    return out;
  }

  @Override
  public String toString() {
    return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
  }
}
