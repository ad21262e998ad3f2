package io.livesubs.ingest.cli;

/**
 * A command was given input it cannot use (a missing or unreadable file, audio in an unsupported
 * format, an empty input…). {@link CliErrors} prints its message as one line and exits with {@link
 * CliErrors#EXIT_BAD_INPUT}. The message must name the input and the problem.
 */
public class CliInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public CliInputException(String message) {
    super(message);
  }

  /** Creates the exception with a one-line message and its cause. */
  public CliInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
