package io.livesubs.sink.http;

/**
 * A request that is answered with an error status and a short JSON body {@code {"error":
 * "<message>"}}. Thrown by request parsing and handlers; caught by the router. Immutable.
 */
final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  static HttpError unavailable(String message) {
    return new HttpError(503, message);
  }
}
