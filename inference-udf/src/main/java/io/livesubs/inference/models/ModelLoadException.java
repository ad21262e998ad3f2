package io.livesubs.inference.models;

/**
 * A model was found but could not be loaded (corrupt file, wrong model kind, native library
 * failure, unavailable execution provider). The message names the model and the cause.
 */
public class ModelLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the model
   * @param cause the underlying failure, may be null
   */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what failed, naming the model
   */
  public ModelLoadException(String message) {
    super(message);
  }
}
