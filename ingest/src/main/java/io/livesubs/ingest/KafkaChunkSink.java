package io.livesubs.ingest;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.SchemaRegistryClient;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.schemas.serde.SerdeConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@link ChunkSink} on a Kafka producer: records are keyed by stream id and serialized in the
 * Confluent wire format with the schema registered in the schema registry. One byte-level {@code
 * KafkaProducer<String, byte[]>} carries both valid and corrupt records, so their order within a
 * stream is kept.
 *
 * <p>Producer settings: {@code enable.idempotence=true} and {@code acks=all} (always); {@code
 * max.block.ms} and {@code request.timeout.ms} = the timeout (default 8 s), {@code
 * delivery.timeout.ms} = twice that, {@code linger.ms=5} (overridable by extra properties). {@link
 * Builder#build()} first registers the schema and asks the broker for its cluster metadata, so an
 * unreachable registry or broker fails there, within about the timeout, with an {@link
 * IngestException} naming the address.
 *
 * <p>Thread-safe. Owns its Kafka producer and registry client; {@link #close()} is idempotent and
 * waits at most the timeout for pending deliveries.
 */
public final class KafkaChunkSink implements ChunkSink {

  /** Default bound on blocking calls and preflight checks. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

  private final String bootstrapServers;
  private final String topic;
  private final Duration timeout;
  private final SchemaRegistryClient registry;
  private final AvroSerializer<AudioChunk> serializer;
  private final KafkaProducer<String, byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private volatile boolean closed;

  private KafkaChunkSink(Builder b, SchemaRegistryClient registry) {
    this.bootstrapServers = b.bootstrapServers;
    this.topic = b.topic;
    this.timeout = b.timeout;
    this.registry = registry;
    this.serializer = new AvroSerializer<>(registry, AudioChunk.class);
    this.producer = createProducer(b);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void send(AudioChunk chunk) {
    checkHealthy();
    byte[] value;
    try {
      value = serializer.serialize(topic, chunk);
    } catch (RuntimeException e) {
      throw new IngestException(
          "cannot serialize chunk "
              + chunk.getSeq()
              + " of stream "
              + chunk.getStreamId()
              + ": "
              + ErrorMessages.of(e),
          e);
    }
    sendBytes(chunk.getStreamId(), value);
  }

  @Override
  public void sendRaw(String key, byte[] value) {
    checkHealthy();
    sendBytes(key, value);
  }

  private void sendBytes(String key, byte[] value) {
    try {
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, exception) -> {
            if (exception == null) {
              acknowledged.incrementAndGet();
            } else {
              failure.compareAndSet(null, exception);
            }
          });
      sent.incrementAndGet();
    } catch (TimeoutException e) {
      throw new IngestException(
          "Kafka at "
              + bootstrapServers
              + " did not take a record for topic "
              + topic
              + " within "
              + timeout.toSeconds()
              + " s (does the topic exist?): "
              + ErrorMessages.of(e),
          e);
    } catch (KafkaException e) {
      throw new IngestException(
          "sending to Kafka at " + bootstrapServers + " failed: " + ErrorMessages.of(e), e);
    }
  }

  @Override
  public void flush() {
    checkHealthy();
    producer.flush();
    checkHealthy();
  }

  /** Records handed to the producer so far. */
  public long sent() {
    return sent.get();
  }

  /** Records the broker acknowledged so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  private void checkHealthy() {
    if (closed) {
      throw new IllegalStateException("Kafka sink is closed");
    }
    Exception e = failure.get();
    if (e != null) {
      throw new IngestException(
          "delivery to Kafka at " + bootstrapServers + " failed: " + ErrorMessages.of(e), e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      producer.close(timeout);
    } finally {
      serializer.close();
      registry.close();
    }
  }

  private static KafkaProducer<String, byte[]> createProducer(Builder b) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "livesubs-ingest");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) b.timeout.toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) b.timeout.toMillis());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) b.timeout.toMillis() * 2 + 5);
    props.putAll(b.producerProperties);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try {
      return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    } catch (KafkaException e) {
      throw new IngestException(
          "cannot create a Kafka producer for " + b.bootstrapServers + ": " + ErrorMessages.of(e),
          e);
    }
  }

  /** Configures a {@link KafkaChunkSink}. */
  public static final class Builder {
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private String topic = Topics.AUDIO;
    private Duration timeout = DEFAULT_TIMEOUT;
    private final Map<String, Object> producerProperties = new HashMap<>();

    private Builder() {}

    /** Kafka bootstrap servers (required), e.g. {@code localhost:9092}. */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    /** Schema registry base URL (required), e.g. {@code http://localhost:8085}. */
    public Builder schemaRegistryUrl(String schemaRegistryUrl) {
      this.schemaRegistryUrl = schemaRegistryUrl;
      return this;
    }

    /** Target topic (default {@link Topics#AUDIO}). */
    public Builder topic(String topic) {
      this.topic = topic;
      return this;
    }

    /** Bound on blocking calls and the connectivity checks (default 8 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Extra Kafka producer (and admin, where they apply) settings, e.g. security. */
    public Builder producerProperties(Map<String, ?> properties) {
      producerProperties.putAll(properties);
      return this;
    }

    /**
     * Validates, registers the {@code AudioChunk} schema for the topic's values and checks that the
     * broker answers, then creates the producer.
     *
     * @throws IllegalArgumentException for a missing or invalid setting
     * @throws IngestException if the registry or the broker cannot be reached within the timeout
     */
    public KafkaChunkSink build() {
      if (bootstrapServers == null || bootstrapServers.isBlank()) {
        throw new IllegalArgumentException("Kafka bootstrap servers are not set");
      }
      if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
        throw new IllegalArgumentException("schema registry URL is not set");
      }
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("topic is not set");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(schemaRegistryUrl);
      try {
        registerSchema(registry);
        KafkaPreflight.checkReachable(bootstrapServers, producerProperties, timeout);
        return new KafkaChunkSink(this, registry);
      } catch (RuntimeException e) {
        registry.close();
        throw e;
      }
    }

    private void registerSchema(SchemaRegistryClient registry) {
      try {
        registry.register(SerdeConfig.subject(topic, false), AudioChunk.getClassSchema());
      } catch (IOException e) {
        String message = ErrorMessages.of(e);
        throw new IngestException(
            message.contains(schemaRegistryUrl)
                ? message
                : "schema registry at " + schemaRegistryUrl + ": " + message,
            e);
      }
    }
  }
}
