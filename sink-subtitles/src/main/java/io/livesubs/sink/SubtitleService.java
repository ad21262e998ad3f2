package io.livesubs.sink;

import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.serde.AvroDeserializer;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.sink.http.HealthCheck;
import io.livesubs.sink.http.SubtitleHttpServer;
import io.livesubs.sink.query.KafkaStreamsTimelines;
import io.livesubs.sink.sse.ChangeSignal;
import io.livesubs.sink.topology.SubtitleTopology;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subtitle delivery service: the Kafka Streams application of {@link SubtitleTopology} and the
 * HTTP server answering from its stores, in one process. Build with {@link #builder()}; the service
 * owns the Kafka Streams instance, the HTTP server and the schema-registry client, and {@link
 * #close()} (idempotent) stops them all. Thread-safe.
 */
public final class SubtitleService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SubtitleService.class);

  private final SubtitleHttpServer http;
  private final KafkaStreams streams;
  private final CachedSchemaRegistryClient registry;
  private final Object stateLock;
  private boolean closed;

  private SubtitleService(
      SubtitleHttpServer http,
      KafkaStreams streams,
      CachedSchemaRegistryClient registry,
      Object stateLock) {
    this.http = http;
    this.streams = streams;
    this.registry = registry;
    this.stateLock = stateLock;
  }

  /** Returns a builder. */
  public static SubtitleServiceBuilder builder() {
    return new SubtitleServiceBuilder();
  }

  /** Starts a service from a validated builder; see {@link SubtitleServiceBuilder#start()}. */
  static SubtitleService start(SubtitleServiceBuilder b) throws IOException {
    CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(b.registryUrl);
    SubtitleHttpServer http = null;
    KafkaStreams streams = null;
    try {
      InputTopic.ensure(b);
      http = SubtitleHttpServer.bind(b.httpConfig());
      URI self = http.url();
      Serde<SubtitleCue> cueSerde =
          Serdes.serdeFrom(
              new AvroSerializer<>(registry, SubtitleCue.class),
              new AvroDeserializer<>(registry, SubtitleCue.class));
      ChangeSignal signal = new ChangeSignal();
      streams =
          new KafkaStreams(
              SubtitleTopology.build(cueSerde, b.subtitleConfig(), signal),
              streamsProperties(b, self));
      Object stateLock = new Object();
      streams.setStateListener(
          (newState, oldState) -> {
            synchronized (stateLock) {
              stateLock.notifyAll();
            }
          });
      streams.setUncaughtExceptionHandler(
          e -> {
            LOG.error("Kafka Streams thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          });
      KafkaStreams running = streams;
      KafkaStreamsTimelines timelines =
          new KafkaStreamsTimelines(streams, new HostInfo(self.getHost(), self.getPort()));
      HealthCheck health =
          () -> {
            KafkaStreams.State state = running.state();
            return new HealthCheck.Health(
                state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING,
                state.name());
          };
      http.start(b.subtitleConfig(), timelines, timelines, signal, health);
      streams.start();
      LOG.info("Subtitle service at {} reading {}", self, b.subtitleConfig().inputTopic());
      return new SubtitleService(http, streams, registry, stateLock);
    } catch (IOException | RuntimeException e) {
      if (streams != null) {
        streams.close(Duration.ofSeconds(10));
      }
      if (http != null) {
        http.close();
      }
      registry.close();
      throw e;
    }
  }

  private static Properties streamsProperties(SubtitleServiceBuilder b, URI self) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, b.applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, b.stateDir.toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.getHost() + ":" + self.getPort());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, b.standbyReplicas);
    // Short commits keep the replay after a crash small; revision collapsing makes it harmless.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    // A crashed instance's streams move to the others after this long (Kafka's default is 45 s,
    // too long for live captions).
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
    // Bad records are logged and skipped: one malformed cue must not stop delivery.
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.putAll(b.streamsOverrides);
    return props;
  }

  /** The base URL of the HTTP server. */
  public URI url() {
    return http.url();
  }

  /** The port of the HTTP server. */
  public int httpPort() {
    return http.port();
  }

  /** The Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Waits until Kafka Streams is {@code RUNNING}.
   *
   * @return whether it got there within {@code timeout}
   */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateLock) {
      while (true) {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.RUNNING) {
          return true;
        }
        long leftMs = (deadline - System.nanoTime()) / 1_000_000;
        if (leftMs <= 0
            || (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED)) {
          return false;
        }
        stateLock.wait(leftMs);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.close();
    // Leaving the group hands this instance's streams to the others at once.
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    registry.close();
  }
}
