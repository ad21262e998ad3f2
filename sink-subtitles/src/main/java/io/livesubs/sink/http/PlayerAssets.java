package io.livesubs.sink.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The player page: {@code index.html} at {@code /} and its script and style sheet under {@code
 * /player/}, read once from the jar ({@code io/livesubs/sink/player/}). Only the names listed here
 * are served, so asset requests never touch the file system. Immutable and thread-safe.
 */
final class PlayerAssets {

  private static final String PAGE = "index.html";
  private static final Map<String, String> TYPES =
      Map.of(
          PAGE,
          "text/html; charset=utf-8",
          "player.js",
          "text/javascript; charset=utf-8",
          "player.css",
          "text/css; charset=utf-8");

  private final Map<String, byte[]> bodies;

  /**
   * Reads every asset.
   *
   * @throws IllegalStateException when one is missing from the class path (a broken build)
   */
  PlayerAssets() {
    Map<String, byte[]> read = new HashMap<>();
    for (String name : TYPES.keySet()) {
      String resource = "/io/livesubs/sink/player/" + name;
      try (InputStream in = PlayerAssets.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("player asset " + resource + " missing from the jar");
        }
        read.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read player asset " + resource, e);
      }
    }
    this.bodies = Map.copyOf(read);
  }

  /** Answers {@code /} with the player page. */
  void page(HttpExchange exchange) throws IOException {
    asset(exchange, PAGE);
  }

  /** Answers {@code /player/{name}}; 404 for names that are not assets. */
  void asset(HttpExchange exchange, String name) throws IOException {
    byte[] body = bodies.get(name);
    if (body == null) {
      throw HttpError.notFound("no such player asset: " + name);
    }
    // Revalidated on every load, so a new release's page never runs with an old script.
    HttpResponses.send(exchange, 200, TYPES.get(name), body, HttpResponses.NO_CACHE);
  }
}
