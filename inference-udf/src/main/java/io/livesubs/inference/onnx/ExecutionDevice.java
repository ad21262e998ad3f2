package io.livesubs.inference.onnx;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an ONNX model runs: the CPU, or a CUDA GPU by index. Immutable.
 *
 * @param kind CPU or CUDA
 * @param deviceId the CUDA device index (0 for CPU)
 */
public record ExecutionDevice(Kind kind, int deviceId) {
  /** The execution provider family. */
  public enum Kind {
    /** ONNX Runtime's default CPU provider. */
    CPU,
    /** The CUDA provider (needs the onnxruntime_gpu build and a CUDA driver). */
    CUDA
  }

  /** The CPU. */
  public static final ExecutionDevice CPU = new ExecutionDevice(Kind.CPU, 0);

  /** Validates the components. */
  public ExecutionDevice {
    Objects.requireNonNull(kind, "kind");
    if (deviceId < 0) {
      throw new IllegalArgumentException("deviceId must be >= 0, was " + deviceId);
    }
    if (kind == Kind.CPU && deviceId != 0) {
      throw new IllegalArgumentException("CPU has no device index, was " + deviceId);
    }
  }

  /** CUDA device {@code index}. */
  public static ExecutionDevice cuda(int index) {
    return new ExecutionDevice(Kind.CUDA, index);
  }

  /**
   * Parses {@code cpu}, {@code cuda} (device 0) or {@code cuda:N}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the bad value and the accepted forms
   */
  public static ExecutionDevice parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException(
          "Execution device is missing: expected cpu, cuda or cuda:N");
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("cpu")) {
      return CPU;
    }
    if (s.equals("cuda") || s.equals("gpu")) {
      return cuda(0);
    }
    if (s.startsWith("cuda:")) {
      String index = s.substring("cuda:".length());
      if (!index.isEmpty() && index.length() <= 4 && index.chars().allMatch(Character::isDigit)) {
        return cuda(Integer.parseInt(index));
      }
    }
    throw new IllegalArgumentException(
        "Unknown execution device '" + text + "': expected cpu, cuda or cuda:N (N = GPU index)");
  }

  @Override
  public String toString() {
    return kind == Kind.CPU ? "cpu" : "cuda:" + deviceId;
  }
}
