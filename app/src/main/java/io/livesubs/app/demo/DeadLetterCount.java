package io.livesubs.app.demo;

import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records of the dead-letter topic by reason code, reading it from the beginning to the
 * end offsets of the moment of the call ({@code read_committed}). Stateless; each call uses its own
 * consumer.
 */
public final class DeadLetterCount {

  private static final Duration POLL = Duration.ofMillis(200);

  private DeadLetterCount() {}

  /**
   * Reads the whole topic.
   *
   * @return reason code to count, sorted by code; empty when the topic holds nothing
   * @throws IllegalStateException if the topic cannot be read to its end within {@code timeout}
   */
  public static Map<String, Long> byReason(
      String bootstrapServers, String registryUrl, String topic, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Long> counts = new TreeMap<>();
    try (CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(registryUrl);
        AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(registry, DeadLetter.class);
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          counts.merge(reasonOf(letters, topic, record.value()), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static String reasonOf(AvroDeserializer<DeadLetter> letters, String topic, byte[] value) {
    try {
      DeadLetter letter = letters.deserialize(topic, value);
      return letter == null ? "EMPTY" : letter.getReasonCode().toString();
    } catch (RuntimeException e) {
      return "UNREADABLE";
    }
  }
}
