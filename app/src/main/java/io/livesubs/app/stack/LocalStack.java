package io.livesubs.app.stack;

import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole livesubs infrastructure in one JVM: a Kafka broker ({@link EmbeddedKafkaBroker}) with
 * the livesubs topics ({@link LivesubsTopics}), the development schema registry ({@link
 * DevSchemaRegistry}) and a Flink cluster with its web UI ({@link EmbeddedFlinkCluster}).
 *
 * <p>{@link Builder#start()} starts them in that order and returns when all serve; {@link #close()}
 * stops them in reverse order. A failed start stops whatever had started. With a data directory,
 * Kafka data and registry state are kept there across restarts; without one, everything lives in a
 * temporary directory deleted on close.
 *
 * <p>Pipelines run on the stack's Flink cluster through {@link #streamEnvironment()}.
 *
 * <p>Thread safety: accessors may be called from any thread; {@link #close()} is idempotent and
 * safe to call from a shutdown hook.
 */
public final class LocalStack implements AutoCloseable {

  /** Kafka's well-known port, used by {@code livesubs stack} unless told otherwise. */
  public static final int DEFAULT_KAFKA_PORT = 9092;

  /** Port of the development schema registry unless told otherwise. */
  public static final int DEFAULT_REGISTRY_PORT = 8085;

  /** Flink's well-known web UI port, used unless told otherwise. */
  public static final int DEFAULT_WEB_PORT = 8081;

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final EmbeddedKafkaBroker broker;
  private final DevSchemaRegistry registry;
  private final EmbeddedFlinkCluster flink;
  private final Path dataDir;
  private final boolean temporary;
  private final int partitions;
  private boolean closed;

  private LocalStack(Builder b, Resources started) {
    this.broker = started.broker;
    this.registry = started.registry;
    this.flink = started.flink;
    this.dataDir = started.root;
    this.temporary = b.dataDir == null;
    this.partitions = b.partitions;
  }

  /** A builder with the well-known ports (9092, 8085, 8081), 4 partitions and 4 slots. */
  public static Builder builder() {
    return new Builder();
  }

  /** Kafka {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** Base URL of the Confluent-compatible schema registry, e.g. {@code http://127.0.0.1:8085}. */
  public String registryUrl() {
    return registry.url();
  }

  /** Flink web UI and REST API, e.g. {@code http://127.0.0.1:8081}. */
  public String flinkWebUrl() {
    return flink.webUrl();
  }

  /** The Flink cluster, for its client configuration and slot count. */
  public EmbeddedFlinkCluster flink() {
    return flink;
  }

  /** A new Flink environment whose jobs run on this stack (see {@link EmbeddedFlinkCluster}). */
  public StreamExecutionEnvironment streamEnvironment() {
    return flink.streamEnvironment();
  }

  /** Client settings that submit Flink jobs to this stack; a new mutable copy per call. */
  public Configuration flinkClientConfiguration() {
    return flink.clientConfiguration();
  }

  /** Partition count of the audio, streams and cues topics. */
  public int partitions() {
    return partitions;
  }

  /**
   * Root of the stack's data: Kafka under {@code kafka/}, registry state under {@code registry/},
   * Flink checkpoints and savepoints (the cluster's defaults) under {@code flink/}.
   */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops Flink, the registry and the broker (in that order); idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Resources.closeAll(flink, registry, broker);
    if (temporary) {
      deleteQuietly(dataDir);
    }
    LOG.info("local stack stopped");
  }

  private static void deleteQuietly(Path dir) {
    try {
      Directories.deleteRecursively(dir);
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.toString());
    }
  }

  /** Options of a {@link LocalStack}, checked when set. Not thread-safe. */
  public static final class Builder {
    private Path dataDir;
    private int kafkaPort = DEFAULT_KAFKA_PORT;
    private int registryPort = DEFAULT_REGISTRY_PORT;
    private int webPort = DEFAULT_WEB_PORT;
    private int partitions = LivesubsTopics.DEFAULT_PARTITIONS;
    private int slots = 4;
    private final Configuration flinkSettings = new Configuration();

    private Builder() {}

    /** Keep data here across restarts; {@code null} (default): temporary, deleted on close. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** Kafka client port; 0 picks a free one. */
    public Builder kafkaPort(int port) {
      this.kafkaPort = checkPort("kafka port", port);
      return this;
    }

    /** Schema registry port; 0 picks a free one. */
    public Builder registryPort(int port) {
      this.registryPort = checkPort("registry port", port);
      return this;
    }

    /** Flink web UI / REST port; 0 picks a free one. */
    public Builder webPort(int port) {
      this.webPort = checkPort("web port", port);
      return this;
    }

    /** Free ports for Kafka, registry and web UI: for tests and several stacks side by side. */
    public Builder ephemeralPorts() {
      return kafkaPort(0).registryPort(0).webPort(0);
    }

    /** Partition count of the audio, streams and cues topics (default 4). */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /** Flink task slots (default 4). */
    public Builder slots(int slots) {
      if (slots < 1) {
        throw new IllegalArgumentException("slots must be at least 1, got " + slots);
      }
      this.slots = slots;
      return this;
    }

    /**
     * Extra Flink cluster settings (e.g. the metric fetch interval of the REST API); they win over
     * the stack's own, such as the checkpoint directories.
     */
    public Builder flinkConfiguration(Configuration settings) {
      flinkSettings.addAll(settings);
      return this;
    }

    /** Starts broker, topics, registry and Flink; on failure stops what had started. */
    public LocalStack start() {
      // Fail before starting anything when a fixed port is taken: a clear message, no cleanup.
      Loopback.requireFree(kafkaPort, "Kafka");
      Loopback.requireFree(registryPort, "schema registry");
      Loopback.requireFree(webPort, "Flink web UI");
      long startNanos = System.nanoTime();
      Resources started = new Resources(dataDir);
      try {
        started.broker =
            started.push(
                EmbeddedKafkaBroker.builder()
                    .port(kafkaPort)
                    .dataDir(started.root.resolve("kafka"))
                    .start());
        LivesubsTopics.ensure(started.broker.bootstrapServers(), partitions);
        started.registry =
            started.push(
                DevSchemaRegistry.builder()
                    .port(registryPort)
                    .dataDir(started.root.resolve("registry"))
                    .build()
                    .start());
        started.flink =
            started.push(
                EmbeddedFlinkCluster.builder()
                    .webPort(webPort)
                    .slots(slots)
                    .configuration(checkpointsUnder(started.root.resolve("flink")))
                    .configuration(flinkSettings)
                    .start());
      } catch (IOException e) {
        started.abort(dataDir == null);
        throw new UncheckedIOException("cannot start the local stack: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        started.abort(dataDir == null);
        throw e;
      }
      LocalStack stack = new LocalStack(this, started);
      LOG.info("local stack started in {} ms", (System.nanoTime() - startNanos) / 1_000_000);
      return stack;
    }

    /** Checkpoints and savepoints go with the rest of the stack's data (kept or temporary). */
    private static Configuration checkpointsUnder(Path flinkDir) {
      Configuration config = new Configuration();
      config.set(
          CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          flinkDir.resolve("checkpoints").toUri().toString());
      config.set(
          CheckpointingOptions.SAVEPOINT_DIRECTORY,
          flinkDir.resolve("savepoints").toUri().toString());
      return config;
    }

    private static int checkPort(String what, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(what + " must be 0..65535, got " + port);
      }
      return port;
    }
  }

  /** What a start has brought up so far, so that a failure can undo exactly that. */
  private static final class Resources {
    private final Path root;
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();
    private EmbeddedKafkaBroker broker;
    private DevSchemaRegistry registry;
    private EmbeddedFlinkCluster flink;

    Resources(Path dataDir) {
      this.root =
          dataDir == null ? Directories.createTemp("livesubs-stack-") : Directories.ensure(dataDir);
    }

    <T extends AutoCloseable> T push(T resource) {
      stack.push(resource);
      return resource;
    }

    void abort(boolean deleteRoot) {
      closeAll(stack.toArray(AutoCloseable[]::new));
      if (deleteRoot) {
        deleteQuietly(root);
      }
    }

    /** Closes each in the given order; one failing close does not keep the others open. */
    static void closeAll(AutoCloseable... resources) {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          LOG.warn("failed to stop {}: {}", resource.getClass().getSimpleName(), e.toString());
        }
      }
    }
  }
}
