package io.livesubs.inference.mt;

/** A translation that failed or timed out; the message says which engine and why. */
public class TranslationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming the engine and the cause. */
  public TranslationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message naming the engine and the problem. */
  public TranslationException(String message) {
    super(message);
  }
}
