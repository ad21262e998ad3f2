package io.livesubs.sink.http;

import io.livesubs.sink.sse.SseSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the HTTP server. Immutable.
 *
 * @param bindAddress address to listen on, default {@code 0.0.0.0}
 * @param port port to listen on, 0 for any free port; default 8080
 * @param advertisedUrl base URL other instances reach this one at ({@code http://host:port}); if
 *     {@code null}, {@code http://<bind address>:<port>} ({@code localhost} when bound to all)
 * @param corsOrigins origins allowed to read responses, {@code *} for any (default)
 * @param requestThreads threads answering requests (live push has its own writer threads)
 * @param sse live-push limits and timings
 * @param mediaDir directory of {@code <stream id>.wav} files served at {@code
 *     /streams/{id}/media.wav} for the player page, or {@code null} for none (the default)
 */
public record HttpConfig(
    String bindAddress,
    int port,
    URI advertisedUrl,
    List<String> corsOrigins,
    int requestThreads,
    SseSettings sse,
    Path mediaDir) {

  /** Default HTTP port. */
  public static final int DEFAULT_PORT = 8080;

  /** Validates every field and copies the origin list. */
  public HttpConfig {
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new IllegalArgumentException("HTTP bind address is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("HTTP port must be in 0..65535, got " + port);
    }
    if (advertisedUrl != null
        && (!"http".equals(advertisedUrl.getScheme())
            || advertisedUrl.getHost() == null
            || advertisedUrl.getPort() < 1)) {
      throw new IllegalArgumentException(
          "advertised URL must look like http://host:port, got " + advertisedUrl);
    }
    corsOrigins = List.copyOf(corsOrigins);
    if (corsOrigins.isEmpty()) {
      throw new IllegalArgumentException("CORS origins are empty; use * to allow any origin");
    }
    for (String origin : corsOrigins) {
      if (!origin.equals("*") && !origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
        throw new IllegalArgumentException(
            "CORS origin must be * or scheme://host[:port], got '" + origin + "'");
      }
    }
    if (requestThreads < 1) {
      throw new IllegalArgumentException("request threads must be at least 1");
    }
    if (sse == null) {
      throw new IllegalArgumentException("SSE settings are missing");
    }
    if (mediaDir != null) {
      mediaDir = mediaDir.toAbsolutePath().normalize();
    }
  }

  /** Returns the defaults on {@code port}. */
  public static HttpConfig onPort(int port) {
    return new HttpConfig("0.0.0.0", port, null, List.of("*"), 16, SseSettings.defaults(), null);
  }

  /** Returns a copy listening on another port. */
  public HttpConfig withPort(int newPort) {
    return new HttpConfig(
        bindAddress, newPort, advertisedUrl, corsOrigins, requestThreads, sse, mediaDir);
  }

  /** Returns a copy with other SSE settings. */
  public HttpConfig withSse(SseSettings settings) {
    return new HttpConfig(
        bindAddress, port, advertisedUrl, corsOrigins, requestThreads, settings, mediaDir);
  }

  /** Returns a copy with other CORS origins. */
  public HttpConfig withCorsOrigins(List<String> origins) {
    return new HttpConfig(bindAddress, port, advertisedUrl, origins, requestThreads, sse, mediaDir);
  }

  /** Returns a copy with another advertised URL. */
  public HttpConfig withAdvertisedUrl(URI url) {
    return new HttpConfig(bindAddress, port, url, corsOrigins, requestThreads, sse, mediaDir);
  }

  /** Returns a copy with another bind address. */
  public HttpConfig withBindAddress(String address) {
    return new HttpConfig(address, port, advertisedUrl, corsOrigins, requestThreads, sse, mediaDir);
  }

  /**
   * Returns a copy serving media from {@code dir} ({@code null}: none). The directory is checked
   * when the server starts.
   */
  public HttpConfig withMediaDir(Path dir) {
    return new HttpConfig(bindAddress, port, advertisedUrl, corsOrigins, requestThreads, sse, dir);
  }
}
