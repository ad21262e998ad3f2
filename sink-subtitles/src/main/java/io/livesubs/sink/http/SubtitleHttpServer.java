package io.livesubs.sink.http;

import com.sun.net.httpserver.HttpServer;
import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.query.StreamLocator;
import io.livesubs.sink.query.TimelineDocuments;
import io.livesubs.sink.query.TimelineQueries;
import io.livesubs.sink.query.TimelineStores;
import io.livesubs.sink.sse.ChangeSignal;
import io.livesubs.sink.sse.SseHub;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server delivering timelines to players (JDK {@code com.sun.net.httpserver}). Two phases:
 * {@link #bind} opens the port (so that an ephemeral port is known before Kafka Streams is
 * configured with it as {@code application.server}), {@link #start} begins answering.
 *
 * <p>Owns its request threads, the live-push hub and the threads relaying forwarded event streams;
 * {@link #close} stops them all and is idempotent. Thread-safe.
 */
public final class SubtitleHttpServer implements AutoCloseable {

  private final HttpConfig config;
  private final HttpServer server;
  private final URI url;
  private final ExecutorService requestThreads;
  private final ExecutorService streamingProxies;
  private SseHub hub;
  private boolean started;
  private boolean closed;

  private SubtitleHttpServer(HttpConfig config, HttpServer server) {
    this.config = config;
    this.server = server;
    int port = server.getAddress().getPort();
    this.url = config.advertisedUrl() != null ? config.advertisedUrl() : defaultUrl(config, port);
    this.requestThreads = Executors.newFixedThreadPool(config.requestThreads(), named("http"));
    this.streamingProxies = Executors.newCachedThreadPool(named("sse-forward"));
  }

  /** Opens the listening socket; nothing is answered until {@link #start}. */
  public static SubtitleHttpServer bind(HttpConfig config) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 128);
    return new SubtitleHttpServer(config, server);
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL of this instance as other instances and clients reach it. */
  public URI url() {
    return url;
  }

  /**
   * Starts answering from {@code stores}.
   *
   * @param subtitles segmenting settings
   * @param stores this instance's stores
   * @param locator where streams live (forwarding)
   * @param signal woken by the topology on changes
   * @param health what {@code /healthz} reports
   */
  public synchronized void start(
      SubtitleConfig subtitles,
      TimelineStores stores,
      StreamLocator locator,
      ChangeSignal signal,
      HealthCheck health) {
    if (started || closed) {
      throw new IllegalStateException("HTTP server already started or closed");
    }
    MediaFiles media = new MediaFiles(config.mediaDir());
    started = true;
    TimelineQueries queries = new TimelineQueries(stores);
    hub = new SseHub(queries, locator, signal, config.sse());
    SubtitleRequestHandler handler =
        new SubtitleRequestHandler(
            new CorsPolicy(config.corsOrigins()),
            locator,
            new OwnerProxy(url.toString()),
            queries,
            new TimelineResources(queries, new TimelineDocuments(queries, subtitles), hub),
            hub,
            new PlayerAssets(),
            media,
            health,
            new ServiceMetrics(),
            streamingProxies);
    server.createContext("/", handler);
    server.setExecutor(requestThreads);
    server.start();
  }

  /** Connected live-push clients. */
  public synchronized int sseClients() {
    return hub == null ? 0 : hub.clientCount();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Stopping the server first closes every connection, which also frees writer threads
    // blocked on stalled clients.
    server.stop(0);
    if (hub != null) {
      hub.close();
    }
    streamingProxies.shutdownNow();
    requestThreads.shutdown();
    try {
      requestThreads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code http://<bind address>:<port>}, or {@code localhost} when bound to all addresses. */
  private static URI defaultUrl(HttpConfig config, int port) {
    String host = config.bindAddress();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port);
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + "-" + number.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
