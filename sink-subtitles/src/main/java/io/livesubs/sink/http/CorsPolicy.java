package io.livesubs.sink.http;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin policy: the origins allowed to read responses ({@code *} for any). Players are
 * usually served from other origins than this service. Immutable and thread-safe.
 */
final class CorsPolicy {

  private final boolean anyOrigin;
  private final Set<String> origins;

  CorsPolicy(List<String> origins) {
    this.anyOrigin = origins.contains("*");
    this.origins = Set.copyOf(origins);
  }

  /** Adds the CORS response headers for a request with these headers. */
  void apply(Headers request, Headers response) {
    String origin = request.getFirst("Origin");
    if (anyOrigin) {
      response.set("Access-Control-Allow-Origin", "*");
    } else if (origin != null && origins.contains(origin)) {
      response.set("Access-Control-Allow-Origin", origin);
      response.add("Vary", "Origin");
    }
  }

  /** Adds the headers answering a preflight request. */
  void preflight(Headers response) {
    response.set("Access-Control-Allow-Methods", "GET, HEAD");
    response.set("Access-Control-Allow-Headers", "Last-Event-ID, Cache-Control, Range");
    response.set("Access-Control-Max-Age", "600");
  }
}
