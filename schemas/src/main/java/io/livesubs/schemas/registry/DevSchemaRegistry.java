package io.livesubs.schemas.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development schema registry: an in-process HTTP server speaking the subset of the Confluent
 * schema registry REST API that Avro producers and consumers use (register, look up, fetch by id,
 * latest version, compatibility check, compatibility config). It is meant for tests and the local
 * stack; production points the clients at a real Confluent-compatible registry instead.
 *
 * <p>Ids are global and stable (the same schema under two subjects gets one id) and new versions
 * are checked against the subject's compatibility level (default {@code BACKWARD}). With a data
 * directory, the state is written to {@code schema-registry.json} there on every change and
 * reloaded by {@link #start()}, so a restarted local stack keeps its ids.
 *
 * <p>The caller owns the instance: {@link #start()} binds the port and starts a small pool of
 * daemon worker threads, {@link #close()} (idempotent) stops both. Methods are thread-safe.
 */
public final class DevSchemaRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevSchemaRegistry.class);

  private final String host;
  private final int port;
  private final Path dataDir;
  private final int threads;
  private HttpServer server;
  private ExecutorService workers;
  private boolean closed;

  private DevSchemaRegistry(Builder builder) {
    builder.validate();
    this.host = builder.host;
    this.port = builder.port;
    this.dataDir = builder.dataDir;
    this.threads = builder.threads;
  }

  /** An in-memory registry on an ephemeral loopback port. */
  public DevSchemaRegistry() {
    this(builder());
  }

  /**
   * A registry on {@code port} of the loopback interface (0 = ephemeral) that persists to {@code
   * dataDir}, or keeps state in memory only when {@code dataDir} is null.
   */
  public DevSchemaRegistry(int port, Path dataDir) {
    this(builder().port(port).dataDir(dataDir));
  }

  /** A builder with the defaults: loopback, ephemeral port, in memory, 4 worker threads. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads the persisted state (if any), binds the port and starts serving. Calling it again on a
   * running registry does nothing.
   *
   * @return this registry
   * @throws IOException when the port cannot be bound or the state file cannot be read
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized DevSchemaRegistry start() throws IOException {
    if (closed) {
      throw new IllegalStateException("the schema registry was closed");
    }
    if (server != null) {
      return this;
    }
    RegistryStore store =
        new RegistryStore(dataDir == null ? null : new RegistryStateFile(dataDir));
    store.load();
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    http.createContext("/", new RegistryHttpHandler(store));
    workers = Executors.newFixedThreadPool(threads, daemonThreads());
    http.setExecutor(workers);
    http.start();
    server = http;
    LOG.info(
        "development schema registry listening on {}{}",
        url(),
        dataDir == null ? " (in memory)" : " (state in " + dataDir + ")");
    return this;
  }

  /**
   * The base URL clients use, e.g. {@code http://127.0.0.1:8081}.
   *
   * @throws IllegalStateException when the registry is not running
   */
  public synchronized String url() {
    return "http://" + urlHost() + ":" + port();
  }

  /**
   * The bound port (the actual one when 0 was asked for).
   *
   * @throws IllegalStateException when the registry is not running
   */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the schema registry is not running; call start() first");
    }
    return server.getAddress().getPort();
  }

  /** Stops serving and releases the port and threads; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.stop(0);
      workers.shutdown();
      try {
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
          workers.shutdownNow();
        }
      } catch (InterruptedException e) {
        workers.shutdownNow();
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }

  private String urlHost() {
    if (server == null) {
      throw new IllegalStateException("the schema registry is not running; call start() first");
    }
    if (server.getAddress().getAddress().isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "dev-schema-registry-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Options for a {@link DevSchemaRegistry}; checked in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Path dataDir;
    private int threads = 4;

    private Builder() {}

    /** Interface to bind, default {@code 127.0.0.1}; {@code 0.0.0.0} serves all interfaces. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Port to bind, default 0 (ephemeral). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Directory for the persisted state; null (default) keeps state in memory only. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Number of HTTP worker threads, default 4. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * The registry, not yet started.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public DevSchemaRegistry build() {
      return new DevSchemaRegistry(this);
    }

    private void validate() {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host is blank");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      }
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("threads must be in 1..64, got " + threads);
      }
    }
  }
}
