package io.livesubs.sink.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes complete (non-streaming) responses and closes the exchange. {@code HEAD} requests get the
 * headers only. Stateless and thread-safe.
 */
final class HttpResponses {

  static final ObjectMapper JSON = new ObjectMapper();

  /** {@code Cache-Control} of documents that change as the stream goes on. */
  static final String NO_CACHE = "no-cache";

  private HttpResponses() {}

  /** Sends {@code body} with status, content type and cache policy, and closes the exchange. */
  static void send(
      HttpExchange exchange, int status, String contentType, byte[] body, String cacheControl)
      throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if (cacheControl != null) {
        exchange.getResponseHeaders().set("Cache-Control", cacheControl);
      }
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Sends UTF-8 text. */
  static void text(
      HttpExchange exchange, int status, String contentType, String body, String cacheControl)
      throws IOException {
    send(
        exchange,
        status,
        contentType + "; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8),
        cacheControl);
  }

  /** Sends JSON. */
  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    send(exchange, status, "application/json", bytes, NO_CACHE);
  }

  /** Sends {@code {"error": message}}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, JSON.createObjectNode().put("error", message));
  }
}
