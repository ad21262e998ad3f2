package io.livesubs.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Forwards a request about a stream to the instance that owns it (Kafka Streams interactive-query
 * metadata says which), and relays the answer. Forwarded requests carry {@link #FORWARDED_HEADER},
 * and an instance answers such a request itself, so a request is forwarded at most once even while
 * ownership moves. Thread-safe.
 */
final class OwnerProxy {

  /** Marks a forwarded request; its value is the forwarding instance's URL. */
  static final String FORWARDED_HEADER = "X-Livesubs-Forwarded";

  private static final List<String> RELAYED_HEADERS =
      List.of("Content-Type", "Cache-Control", "Retry-After");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final String selfUrl;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  OwnerProxy(String selfUrl) {
    this.selfUrl = selfUrl;
  }

  /** Returns whether {@code exchange} was forwarded to this instance by another. */
  static boolean isForwarded(HttpExchange exchange) {
    return exchange.getRequestHeaders().containsKey(FORWARDED_HEADER);
  }

  /** Forwards a complete (non-streaming) request and relays status, headers and body. */
  void forward(HttpExchange exchange, URI owner) throws IOException {
    HttpResponse<byte[]> response =
        send(exchange, owner, REQUEST_TIMEOUT, HttpResponse.BodyHandlers.ofByteArray());
    relayHeaders(response, exchange);
    HttpResponses.send(
        exchange,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
        response.body(),
        response.headers().firstValue("Cache-Control").orElse(null));
  }

  /**
   * Forwards a streaming request (Server-Sent Events) and copies the body as it arrives until
   * either side closes. Blocks the calling thread for the life of the stream.
   */
  void forwardStream(HttpExchange exchange, URI owner) throws IOException {
    HttpResponse<InputStream> response =
        send(exchange, owner, null, HttpResponse.BodyHandlers.ofInputStream());
    try (exchange;
        InputStream in = response.body()) {
      relayHeaders(response, exchange);
      exchange.sendResponseHeaders(response.statusCode(), 0);
      OutputStream out = exchange.getResponseBody();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    }
  }

  /** GETs JSON from another instance, marked as forwarded. */
  JsonNode fetchJson(URI url) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header(FORWARDED_HEADER, selfUrl)
            .GET()
            .build();
    HttpResponse<byte[]> response = call(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode());
    }
    return HttpResponses.JSON.readTree(response.body());
  }

  private <T> HttpResponse<T> send(
      HttpExchange exchange, URI owner, Duration timeout, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    URI uri = owner.resolve(exchange.getRequestURI().getRawPath());
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      uri = URI.create(uri + "?" + query);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header(FORWARDED_HEADER, selfUrl)
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
    if (timeout != null) {
      request.timeout(timeout);
    }
    String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return call(request.build(), handler);
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding to " + request.uri(), e);
    } catch (IOException e) {
      throw new HttpError(
          502, "owner instance " + request.uri().getAuthority() + " unreachable: " + e);
    }
  }

  private static void relayHeaders(HttpResponse<?> response, HttpExchange exchange) {
    for (String name : RELAYED_HEADERS) {
      response
          .headers()
          .firstValue(name)
          .ifPresent(v -> exchange.getResponseHeaders().set(name, v));
    }
  }
}
