package io.livesubs.ingest;

/**
 * Producing audio failed: Kafka or the schema registry is unreachable or refused a record. The
 * message is one line naming the endpoint and the problem, fit to show a user.
 */
public class IngestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public IngestException(String message) {
    super(message);
  }

  /** Creates the exception with a one-line message and its cause. */
  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
