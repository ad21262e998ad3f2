package io.livesubs.app.job;

import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the dead-letter topic in tests. */
final class DeadLetters {

  private DeadLetters() {}

  /**
   * Reads the dead letters accepted by {@code filter} until there are at least {@code expected} of
   * them (then a little longer, to see any surplus), failing after {@code timeout}.
   */
  static List<DeadLetter> await(
      String bootstrapServers,
      String registryUrl,
      Predicate<DeadLetter> filter,
      int expected,
      Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<DeadLetter> letters = new ArrayList<>();
    try (CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(registryUrl);
        KafkaConsumer<String, DeadLetter> consumer =
            new KafkaConsumer<>(
                props,
                new StringDeserializer(),
                new AvroDeserializer<>(registry, DeadLetter.class))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.AUDIO_DLQ, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      int emptyPollsAfterEnough = 0;
      while (emptyPollsAfterEnough < 5 && System.nanoTime() < deadline) {
        boolean any = false;
        for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(record.value())) {
            letters.add(record.value());
            any = true;
          }
        }
        if (letters.size() >= expected && !any) {
          emptyPollsAfterEnough++;
        }
      }
    }
    return letters;
  }
}
