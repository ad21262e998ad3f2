package io.livesubs.app.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink {@link MiniCluster} (one JobManager, one TaskManager) inside this JVM, with its REST API
 * and web UI on 127.0.0.1.
 *
 * <p>Jobs reach it exactly as they would reach a real session cluster: through the REST API, with
 * {@code execution.target: remote} ({@link #clientConfiguration()}, {@link #streamEnvironment()}).
 * So they show up in the web UI, and a pipeline that runs here has passed the same serialization
 * and submission path as on a real cluster. User classes are found on this JVM's class path; no job
 * jar is needed.
 *
 * <p>Thread safety: accessors may be called from any thread; {@link #close()} is idempotent.
 */
public final class EmbeddedFlinkCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkCluster.class);
  private static final long CLOSE_TIMEOUT_SECONDS = 60;
  private static final Duration REST_READY_TIMEOUT = Duration.ofSeconds(60);

  private final MiniCluster miniCluster;
  private final URI restAddress;
  private final int slots;
  private boolean closed;

  private EmbeddedFlinkCluster(MiniCluster miniCluster, URI restAddress, int slots) {
    this.miniCluster = miniCluster;
    this.restAddress = restAddress;
    this.slots = slots;
  }

  /** Returns a builder; defaults: free web port, 4 slots. */
  public static Builder builder() {
    return new Builder();
  }

  /** The web UI and REST API, e.g. {@code http://127.0.0.1:8081}. */
  public String webUrl() {
    return "http://" + restAddress.getHost() + ":" + restAddress.getPort();
  }

  /** The port of the web UI and REST API. */
  public int webPort() {
    return restAddress.getPort();
  }

  /** Task slots of the single TaskManager. */
  public int slots() {
    return slots;
  }

  /**
   * Client settings that submit jobs to this cluster through its REST API ({@code execution.target:
   * remote}); the default parallelism is the number of slots. Returns a new mutable copy on each
   * call.
   */
  public Configuration clientConfiguration() {
    Configuration config = new Configuration();
    config.set(DeploymentOptions.TARGET, "remote");
    config.set(RestOptions.ADDRESS, restAddress.getHost());
    config.set(RestOptions.PORT, restAddress.getPort());
    config.set(CoreOptions.DEFAULT_PARALLELISM, slots);
    return config;
  }

  /** A new environment whose {@code execute}/{@code executeAsync} run on this cluster. */
  public StreamExecutionEnvironment streamEnvironment() {
    return new StreamExecutionEnvironment(clientConfiguration());
  }

  /** Cancels running jobs and stops the cluster, waiting up to a minute. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      miniCluster.closeAsync().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping the Flink mini cluster");
    } catch (Exception e) {
      LOG.warn("Flink mini cluster did not stop cleanly: {}", e.toString());
    }
  }

  /**
   * Waits until the REST API answers {@code /overview}. The REST endpoint is bound before the
   * dispatcher has won its leader election, and answers 503 until then; callers (the web UI, job
   * submission) should find it ready.
   */
  private static void awaitRestReady(URI rest) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(rest.resolve("/overview")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + REST_READY_TIMEOUT.toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      try {
        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException e) {
        status = -1;
      }
      TimeUnit.MILLISECONDS.sleep(50); // poll interval of a server that is coming up
    }
    throw new IllegalStateException(
        "the Flink REST API at "
            + rest
            + " was not ready within "
            + REST_READY_TIMEOUT
            + " (last status "
            + status
            + ")");
  }

  /** Configures and starts an {@link EmbeddedFlinkCluster}. Not thread-safe. */
  public static final class Builder {
    private int webPort;
    private int slots = 4;
    private final Configuration extra = new Configuration();

    private Builder() {}

    /** Port of the web UI / REST API; 0 (the default) picks a free one. */
    public Builder webPort(int webPort) {
      if (webPort < 0 || webPort > 65535) {
        throw new IllegalArgumentException("web port must be 0..65535, got " + webPort);
      }
      this.webPort = webPort;
      return this;
    }

    /** Task slots of the TaskManager (the most parallelism a job can get); default 4. */
    public Builder slots(int slots) {
      if (slots < 1) {
        throw new IllegalArgumentException("slots must be at least 1, got " + slots);
      }
      this.slots = slots;
      return this;
    }

    /** Extra cluster settings (e.g. state backend, checkpoint directory); they win. */
    public Builder configuration(Configuration settings) {
      extra.addAll(settings);
      return this;
    }

    /** Starts the cluster and returns once its REST API answers. */
    public EmbeddedFlinkCluster start() {
      Configuration config = new Configuration();
      config.set(RestOptions.BIND_ADDRESS, Loopback.HOST);
      config.set(RestOptions.ADDRESS, Loopback.HOST);
      config.set(RestOptions.BIND_PORT, Integer.toString(webPort));
      config.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
      config.addAll(extra);
      MiniCluster cluster =
          new MiniCluster(
              new MiniClusterConfiguration.Builder()
                  .setConfiguration(config)
                  .setNumTaskManagers(1)
                  .setNumSlotsPerTaskManager(slots)
                  .build());
      long startNanos = System.nanoTime();
      try {
        cluster.start();
        URI rest = cluster.getRestAddress().get();
        awaitRestReady(rest);
        LOG.info(
            "Flink mini cluster {} started in {} ms",
            rest,
            (System.nanoTime() - startNanos) / 1_000_000);
        return new EmbeddedFlinkCluster(cluster, rest, slots);
      } catch (Exception e) {
        cluster.closeAsync();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(
            "cannot start the Flink mini cluster (web port " + webPort + "): " + e.getMessage(), e);
      }
    }
  }
}
