package io.livesubs.app.models;

import java.io.IOException;

/**
 * A downloaded file does not match its manifest entry (size or SHA-256). The download has been
 * deleted; the message names the file, the expected and the actual value.
 */
public class ModelVerificationException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the file, the expected and the actual value
   */
  public ModelVerificationException(String message) {
    super(message);
  }
}
