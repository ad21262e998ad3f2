package io.livesubs.ingest.audio;

import java.io.IOException;

/**
 * The input is not audio livesubs can read: not a WAV file, an unsupported encoding, a damaged
 * header, or no samples at all. The message names the input and the problem in one line, fit to
 * show a user as is.
 */
public final class InvalidAudioException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message naming the input and the problem. */
  public InvalidAudioException(String message) {
    super(message);
  }
}
