package io.livesubs.ingest.config;

import io.livesubs.ingest.ErrorMessages;
import io.livesubs.ingest.IngestException;
import io.livesubs.ingest.LanguageTags;
import io.livesubs.schemas.StreamConfig;
import io.livesubs.schemas.StreamIds;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.SchemaRegistryClient;
import io.livesubs.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes per-stream configuration ({@link StreamConfig}) to the compacted topic {@code
 * livesubs.streams}, keyed by stream id: the latest record of a stream is its configuration, and a
 * tombstone ({@link #reset}) returns it to the job's defaults. A running job picks changes up live.
 *
 * <p>Each call waits until the broker has acknowledged the record ({@code acks=all}, idempotent
 * producer), so when it returns the change is durable and ordered after every earlier change of the
 * same stream. Thread-safe; owns its producer and registry client, released by the idempotent
 * {@link #close()}.
 */
public final class StreamConfigPublisher implements AutoCloseable {

  private final String bootstrapServers;
  private final String topic;
  private final Duration timeout;
  private final SchemaRegistryClient registry;
  private final AvroSerializer<StreamConfig> serializer;
  private final KafkaProducer<String, byte[]> producer;
  private volatile boolean closed;

  private StreamConfigPublisher(Builder b) {
    this.bootstrapServers = b.bootstrapServers;
    this.topic = b.topic;
    this.timeout = b.timeout;
    this.registry = CachedSchemaRegistryClient.forUrl(b.schemaRegistryUrl);
    this.serializer = new AvroSerializer<>(registry, StreamConfig.class);
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "livesubs-stream-config");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2 + 5);
    try {
      this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    } catch (KafkaException e) {
      registry.close();
      if (e.getCause() instanceof ConfigException bad) {
        throw new IllegalArgumentException(
            "bootstrap servers '" + bootstrapServers + "': " + bad.getMessage(), e);
      }
      throw new IngestException(
          "cannot create a Kafka producer for " + bootstrapServers + ": " + ErrorMessages.of(e), e);
    }
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Publishes {@code config} as its stream's configuration and waits for the acknowledgement.
   *
   * @return where the record landed
   * @throws IllegalArgumentException if the stream id or a language tag is invalid
   * @throws IngestException if the registry or the broker fails or does not answer in time
   */
  public RecordMetadata publish(StreamConfig config) {
    Objects.requireNonNull(config, "config");
    StreamIds.validate(config.getStreamId());
    if (config.getSourceLanguage() != null) {
      LanguageTags.validate(config.getSourceLanguage());
    }
    config.getTargetLanguages().forEach(LanguageTags::validate);
    byte[] value;
    try {
      value = serializer.serialize(topic, config);
    } catch (RuntimeException e) {
      throw new IngestException(
          "cannot serialize the config of stream "
              + config.getStreamId()
              + ": "
              + ErrorMessages.of(e),
          e);
    }
    return send(config.getStreamId(), value);
  }

  /**
   * Writes a tombstone for {@code streamId}: the job applies its defaults to the stream again.
   *
   * @throws IllegalArgumentException if the stream id is invalid
   * @throws IngestException if the broker fails or does not answer in time
   */
  public RecordMetadata reset(String streamId) {
    return send(StreamIds.validate(streamId), null);
  }

  private RecordMetadata send(String key, byte[] value) {
    if (closed) {
      throw new IllegalStateException("stream config publisher is closed");
    }
    try {
      return producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while publishing the config of " + key, e);
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IngestException(
          "publishing the config of stream "
              + key
              + " to "
              + topic
              + " at "
              + bootstrapServers
              + " failed: "
              + ErrorMessages.of(cause),
          cause);
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

  /** Configures a {@link StreamConfigPublisher}; {@link #build()} checks the settings. */
  public static final class Builder {
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private String topic = Topics.STREAMS;
    private Duration timeout = Duration.ofSeconds(8);

    private Builder() {}

    /** Kafka bootstrap servers (required). */
    public Builder bootstrapServers(String value) {
      this.bootstrapServers = value;
      return this;
    }

    /** Schema registry URL (required). */
    public Builder schemaRegistryUrl(String value) {
      this.schemaRegistryUrl = value;
      return this;
    }

    /** The config topic (default {@link Topics#STREAMS}). */
    public Builder topic(String value) {
      this.topic = value;
      return this;
    }

    /** Bound on each blocking step (default 8 s). */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /**
     * A publisher with these settings.
     *
     * @throws IllegalArgumentException naming a missing or invalid setting
     */
    public StreamConfigPublisher build() {
      require(bootstrapServers, "bootstrap servers");
      require(schemaRegistryUrl, "schema registry URL");
      require(topic, "topic");
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      return new StreamConfigPublisher(this);
    }

    private static void require(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must be set");
      }
    }
  }
}
