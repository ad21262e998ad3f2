package io.livesubs.app.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running inside this JVM: one KRaft node acting as broker and
 * controller (node id 1), started with Kafka's own server code ({@link KafkaRaftServer}).
 *
 * <p>The broker listens on 127.0.0.1: on the given port, or on a free port chosen at start. Its
 * data lives in a temporary directory that {@link #close()} deletes, or in a given directory that
 * is kept (and reused by the next start). {@link Builder#start()} returns once the broker answers
 * clients.
 *
 * <p>Thread safety: {@link #bootstrapServers()} may be called from any thread; {@link #close()} is
 * idempotent and safe to call from a shutdown hook.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int START_ATTEMPTS = 3;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final String META_PROPERTIES = "meta.properties";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;
  private final boolean deleteDataDirOnClose;
  private boolean closed;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteOnClose) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.deleteDataDirOnClose = deleteOnClose;
  }

  /** Returns a builder; defaults: free port, temporary data directory. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a broker on a free port with a temporary data directory. */
  public static EmbeddedKafkaBroker start() {
    return builder().start();
  }

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:9092}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The directory holding the broker's logs and metadata. */
  public Path dataDir() {
    return dataDir;
  }

  /** Shuts the broker down and waits for it; deletes the data directory if it was temporary. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long startNanos = System.nanoTime();
    server.shutdown();
    server.awaitShutdown();
    if (deleteDataDirOnClose) {
      try {
        Directories.deleteRecursively(dataDir);
      } catch (IOException e) {
        LOG.warn("could not delete the broker data directory {}: {}", dataDir, e.toString());
      }
    }
    LOG.debug("Kafka broker stopped in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Configures and starts an {@link EmbeddedKafkaBroker}. Not thread-safe. */
  public static final class Builder {
    private int port;
    private Path dataDir;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder() {}

    /** The client port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * A directory for the broker's data, kept after close and reused by a later start; {@code null}
     * (the default) means a temporary directory deleted on close.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Sets a broker property (e.g. {@code log.retention.ms}), overriding the defaults. */
    public Builder brokerProperty(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      overrides.put(key, value);
      return this;
    }

    /** Formats the storage if needed, starts the broker and waits until it serves clients. */
    public EmbeddedKafkaBroker start() {
      Loopback.requireFree(port, "Kafka");
      boolean temporary = dataDir == null;
      Path dir =
          temporary ? Directories.createTemp("livesubs-kafka-") : Directories.ensure(dataDir);
      long startNanos = System.nanoTime();
      try {
        EmbeddedKafkaBroker broker = startWithRetries(dir, temporary);
        LOG.info(
            "Kafka broker {} started in {} ms",
            broker.bootstrapServers,
            (System.nanoTime() - startNanos) / 1_000_000);
        return broker;
      } catch (RuntimeException e) {
        if (temporary) {
          deleteQuietly(dir);
        }
        throw e;
      }
    }

    private EmbeddedKafkaBroker startWithRetries(Path dir, boolean temporary) {
      // A port picked free can be taken before the broker binds it: retry with fresh ports.
      for (int attempt = 1; ; attempt++) {
        int brokerPort = port == 0 ? Loopback.freePort() : port;
        int controllerPort = Loopback.freePort();
        Properties props =
            BrokerProperties.of(brokerPort, controllerPort, dir.resolve("logs"), overrides);
        KafkaConfig config = new KafkaConfig(props, false);
        format(config, dir.resolve("logs"));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = Loopback.HOST + ":" + brokerPort;
        try {
          server.startup();
          awaitReady(bootstrap);
          return new EmbeddedKafkaBroker(server, bootstrap, dir, temporary);
        } catch (RuntimeException e) {
          server.shutdown();
          server.awaitShutdown();
          if (attempt >= START_ATTEMPTS || !causedByBind(e)) {
            throw new IllegalStateException(
                "cannot start the Kafka broker on " + bootstrap + ": " + e.getMessage(), e);
          }
          LOG.debug("port taken while starting the broker, retrying: {}", e.toString());
        }
      }
    }

    private static void format(KafkaConfig config, Path logDir) {
      if (Files.exists(logDir.resolve(META_PROPERTIES))) {
        // A kept data directory is formatted once, then reused with its cluster id.
        return;
      }
      try {
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setNodeId(BrokerProperties.NODE_ID)
            .setClusterId(Uuid.randomUuid().toString())
            .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
            .setMetadataLogDirectory(config.metadataLogDir())
            .addDirectory(logDir.toAbsolutePath().toString())
            .run();
      } catch (Exception e) {
        throw new IllegalStateException(
            "cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
      }
    }

    private static void awaitReady(String bootstrap) {
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      try (Admin admin = Admin.create(props)) {
        admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the broker", e);
      } catch (Exception e) {
        throw new IllegalStateException("broker did not answer within " + READY_TIMEOUT, e);
      }
    }

    private static boolean causedByBind(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          return true;
        }
      }
      return false;
    }

    private static void deleteQuietly(Path dir) {
      try {
        Directories.deleteRecursively(dir);
      } catch (IOException e) {
        LOG.warn("could not delete {}: {}", dir, e.toString());
      }
    }
  }
}
