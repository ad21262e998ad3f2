package io.livesubs.inference.asr.whisper.model;

/**
 * ONNX Runtime failed while running a Whisper model that had loaded (out of memory, a CUDA error, a
 * model whose outputs do not match its config). The message names the model and the step.
 */
public class WhisperRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the model
   * @param cause the underlying failure, may be null
   */
  public WhisperRunException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what failed, naming the model
   */
  public WhisperRunException(String message) {
    super(message);
  }
}
