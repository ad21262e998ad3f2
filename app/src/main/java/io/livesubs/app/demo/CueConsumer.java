package io.livesubs.app.demo;

import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the cue topic from the beginning, as a {@code read_committed} consumer
 * without a group (so it sees only committed cues of an exactly-once job, and all cues of an
 * at-least-once one), decodes them with the schema registry and hands each to a listener, on a
 * thread of its own. A record that cannot be decoded is logged and skipped. Owns its consumer,
 * registry client and thread; {@link #close()} stops and joins the thread and is idempotent.
 */
public final class CueConsumer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CueConsumer.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, SubtitleCue> consumer;
  private final CachedSchemaRegistryClient registry;
  private final Consumer<CueRevision> listener;
  private final Thread thread;
  private volatile boolean stopping;
  private boolean closed;

  private CueConsumer(
      String bootstrapServers, String registryUrl, String topic, Consumer<CueRevision> listener) {
    this.registry = CachedSchemaRegistryClient.forUrl(registryUrl);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "livesubs-demo-cues");
    this.consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroDeserializer<>(registry, SubtitleCue.class));
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      consumer.close();
      registry.close();
      throw new IllegalStateException("cue topic " + topic + " does not exist");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.listener = listener;
    this.thread = new Thread(this::pollLoop, "livesubs-demo-cues");
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading {@code topic}.
   *
   * @param listener called on the consumer thread for each cue, in partition order
   */
  public static CueConsumer start(
      String bootstrapServers, String registryUrl, String topic, Consumer<CueRevision> listener) {
    CueConsumer consumer = new CueConsumer(bootstrapServers, registryUrl, topic, listener);
    consumer.thread.start();
    return consumer;
  }

  private void pollLoop() {
    try {
      while (!stopping) {
        try {
          for (ConsumerRecord<String, SubtitleCue> record : consumer.poll(POLL)) {
            if (record.value() != null) {
              listener.accept(CueRevision.of(record.value()));
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.warn(
              "skipping undecodable cue at {} offset {}: {}",
              e.topicPartition(),
              e.offset(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // close() woke the consumer up to stop it
    } catch (RuntimeException e) {
      LOG.error("the cue consumer stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      registry.close();
    }
  }

  /** Stops reading and waits for the thread to end. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    if (thread.isAlive()) {
      try {
        consumer.wakeup();
      } catch (IllegalStateException e) {
        // the thread has closed the consumer in the meantime
      }
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
