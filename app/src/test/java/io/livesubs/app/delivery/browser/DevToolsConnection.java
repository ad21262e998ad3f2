package io.livesubs.app.delivery.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Chrome DevTools Protocol client over the JDK's WebSocket: commands with ids and their replies,
 * and events, for the browser target and for pages attached in flat session mode (messages carry a
 * {@code sessionId}). Thread-safe: commands may be sent from any thread; replies and events arrive
 * on the HTTP client's threads. {@link #close} is idempotent.
 */
final class DevToolsConnection implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private DevToolsConnection(WebSocket.Builder builder, URI url) {
    this.socket = builder.buildAsync(url, new Listener()).join();
  }

  /** Connects to a DevTools WebSocket URL ({@code ws://host:port/devtools/browser/<id>}). */
  static DevToolsConnection open(URI url, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    return new DevToolsConnection(client.newWebSocketBuilder().connectTimeout(timeout), url);
  }

  /** Returns an empty parameter object. */
  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /**
   * Sends a command and waits for its result.
   *
   * @param sessionId the page session, or {@code null} for the browser target
   * @throws IllegalStateException when the browser answers with an error or not in time
   */
  JsonNode send(String sessionId, String method, ObjectNode params, Duration timeout) {
    long id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      synchronized (socket) {
        // The JDK WebSocket allows one outstanding send at a time.
        socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(method + " got no reply within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(method + " failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + method, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Calls {@code listener} with every event message ({@code method}, {@code params}, …). */
  void onEvent(Consumer<JsonNode> listener) {
    eventListeners.add(listener);
  }

  /** Returns a future completed by the next event {@code method} of {@code sessionId}. */
  CompletableFuture<JsonNode> nextEvent(String sessionId, String method) {
    CompletableFuture<JsonNode> event = new CompletableFuture<>();
    Consumer<JsonNode> listener =
        message -> {
          if (method.equals(message.path("method").asText())
              && sessionId.equals(message.path("sessionId").asText())) {
            event.complete(message.path("params"));
          }
        };
    eventListeners.add(listener);
    event.whenComplete((value, error) -> eventListeners.remove(listener));
    return event;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    socket.abort();
    failPending(new IOException("DevTools connection closed"));
  }

  private void dispatch(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable DevTools message: " + text, e);
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
      if (reply == null) {
        return;
      }
      if (message.has("error")) {
        reply.completeExceptionally(new IOException(message.get("error").toString()));
      } else {
        reply.complete(message.path("result"));
      }
    } else if (message.has("method")) {
      eventListeners.forEach(listener -> listener.accept(message));
    }
  }

  private void failPending(Throwable cause) {
    pending.values().forEach(reply -> reply.completeExceptionally(cause));
  }

  /** Reassembles fragmented text messages and hands each whole one to {@link #dispatch}. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      failPending(new IOException("browser closed DevTools connection: " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      failPending(error);
    }
  }
}
