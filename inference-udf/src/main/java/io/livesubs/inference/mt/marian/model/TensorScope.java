package io.livesubs.inference.mt.marian.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensors and run results that are released together, e.g. one decoding step's cache. Closing is
 * idempotent. Not thread-safe: owned by one decoder.
 */
final class TensorScope implements AutoCloseable {
  private final List<OnnxTensor> tensors = new ArrayList<>();
  private final List<OrtSession.Result> results = new ArrayList<>();

  /** Takes ownership of {@code tensor} and returns it. */
  OnnxTensor own(OnnxTensor tensor) {
    tensors.add(tensor);
    return tensor;
  }

  /** Takes ownership of {@code result} (and every value in it) and returns it. */
  OrtSession.Result own(OrtSession.Result result) {
    results.add(result);
    return result;
  }

  @Override
  public void close() {
    tensors.forEach(OnnxTensor::close);
    results.forEach(OrtSession.Result::close);
    tensors.clear();
    results.clear();
  }
}
