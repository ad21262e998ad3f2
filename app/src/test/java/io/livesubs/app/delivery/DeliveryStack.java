package io.livesubs.app.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.stack.EmbeddedKafkaBroker;
import io.livesubs.app.stack.LivesubsTopics;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.sink.SubtitleService;
import io.livesubs.sink.SubtitleServiceBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the delivery tests run against: a real in-process KRaft broker with the livesubs topics, a
 * development schema registry, a producer of {@link SubtitleCue} records through the
 * registry-backed serde, and {@link SubtitleService} instances on loopback. Owns the broker, the
 * registry and the producer; services are owned by the caller. {@link #close} is idempotent. Used
 * by one test class at a time.
 */
final class DeliveryStack implements AutoCloseable {

  /** How long a test waits for the service to show what it was fed. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final EmbeddedKafkaBroker broker;
  private final DevSchemaRegistry registry;
  private final CachedSchemaRegistryClient client;
  private final KafkaProducer<String, SubtitleCue> producer;
  private boolean closed;

  private DeliveryStack(
      EmbeddedKafkaBroker broker,
      DevSchemaRegistry registry,
      CachedSchemaRegistryClient client,
      KafkaProducer<String, SubtitleCue> producer) {
    this.broker = broker;
    this.registry = registry;
    this.client = client;
    this.producer = producer;
  }

  /** Starts the broker and the registry and creates the topics. */
  static DeliveryStack start() throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    DevSchemaRegistry registry = new DevSchemaRegistry().start();
    CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(registry.url());
    LivesubsTopics.ensure(broker.bootstrapServers(), LivesubsTopics.DEFAULT_PARTITIONS);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    KafkaProducer<String, SubtitleCue> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroSerializer<>(client, SubtitleCue.class));
    return new DeliveryStack(broker, registry, client, producer);
  }

  /** Starts a service on a free loopback port and waits until Kafka Streams runs. */
  SubtitleService service(String applicationId, Path stateDir) throws Exception {
    return service(applicationId, stateDir, UnaryOperator.identity());
  }

  /** Like {@link #service(String, Path)}, with further settings applied by {@code settings}. */
  SubtitleService service(
      String applicationId, Path stateDir, UnaryOperator<SubtitleServiceBuilder> settings)
      throws Exception {
    SubtitleServiceBuilder builder =
        SubtitleService.builder()
            .bootstrapServers(broker.bootstrapServers())
            .registryUrl(registry.url())
            .applicationId(applicationId)
            .stateDir(stateDir)
            .bindAddress("127.0.0.1")
            .httpPort(0);
    SubtitleService service = settings.apply(builder).start();
    assertTrue(service.awaitRunning(DEADLINE), "Kafka Streams running: " + service.state());
    return service;
  }

  /** The broker's bootstrap servers. */
  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The schema registry's URL. */
  String registryUrl() {
    return registry.url();
  }

  /** Produces cues to {@code livesubs.cues} keyed by stream id, in order, and waits for acks. */
  void produce(List<SubtitleCue> cues) throws Exception {
    for (SubtitleCue cue : cues) {
      producer.send(new ProducerRecord<>(Topics.CUES, cue.getStreamId().toString(), cue)).get();
    }
  }

  /** A cue with the given identity, times and lines. */
  static SubtitleCue cue(
      String stream,
      String language,
      long seq,
      int revision,
      boolean isFinal,
      long startMs,
      long endMs,
      String... lines) {
    return SubtitleCue.newBuilder()
        .setStreamId(stream)
        .setLanguage(language)
        .setCueSeq(seq)
        .setRevision(revision)
        .setIsFinal(isFinal)
        .setStartMs(startMs)
        .setEndMs(endMs)
        .setLines(List.of(lines))
        .setWords(List.of())
        .setSourceCue(null)
        .setEngine("it")
        .setCaptureTimeMs(endMs)
        .setEmittedAtMs(endMs)
        .build();
  }

  /** GETs {@code path} from {@code base}. */
  static HttpResponse<String> get(URI base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GETs until the body contains {@code expected}, failing after {@link #DEADLINE}. */
  static String awaitBody(URI base, String path, String expected) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = get(base, path);
      if (last.statusCode() == 200 && last.body().contains(expected)) {
        return last.body();
      }
      LockSupport.parkNanos(100_000_000);
    }
    throw new AssertionError(
        path
            + " never contained '"
            + expected
            + "'; last: "
            + (last == null ? null : last.statusCode() + " " + last.body()));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    producer.close(Duration.ofSeconds(10));
    client.close();
    registry.close();
    broker.close();
  }
}
