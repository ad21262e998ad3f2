package io.livesubs.app.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real in-process KRaft broker: plain, idempotent and transactional round trips. */
class EmbeddedKafkaBrokerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void idempotentProducerRecordsAreConsumedInOrder() throws Exception {
    String topic = createTopic();
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>(topic, "stream-a", "chunk-" + i)).get();
      }
    }
    List<String> values = consume(topic, "read_uncommitted", 20);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("chunk-" + i);
    }
    assertEquals(expected, values);
  }

  @Test
  void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
    String topic = createTopic();
    Map<String, Object> tx =
        Map.of(
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "tx-" + UUID.randomUUID(),
            // What Flink's exactly-once sink asks for by default; the broker must accept it.
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            (int) Duration.ofMinutes(15).toMillis());
    try (KafkaProducer<String, String> producer = producer(tx)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "aborted-1"));
      producer.send(new ProducerRecord<>(topic, "k", "aborted-2"));
      // Flush first: abortTransaction() would otherwise drop the unsent records client-side.
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
      producer.commitTransaction();
    }
    assertEquals(List.of("committed-1", "committed-2"), consume(topic, "read_committed", 2));
    // read_uncommitted sees the aborted records too: the filter above came from the broker.
    assertEquals(4, consume(topic, "read_uncommitted", 4).size());
  }

  @Test
  void keptDataDirectorySurvivesRestart(@TempDir Path dir) throws Exception {
    String topic = "kept-" + UUID.randomUUID();
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDir(dir).start()) {
      createTopic(first, topic);
      try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
        producer.send(new ProducerRecord<>(topic, "k", "before-restart")).get();
      }
    }
    assertTrue(Files.isDirectory(dir.resolve("logs")), "kept directory must stay after close");
    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().dataDir(dir).start()) {
      assertEquals(List.of("before-restart"), consume(second, topic, "read_committed", 1));
    }
  }

  @Test
  void temporaryDataDirectoryIsDeletedAndCloseIsIdempotent() {
    EmbeddedKafkaBroker own = EmbeddedKafkaBroker.start();
    Path dir = own.dataDir();
    assertTrue(Files.isDirectory(dir));
    own.close();
    own.close();
    assertFalse(Files.exists(dir), "temporary data directory must be deleted on close");
  }

  private static String createTopic() throws Exception {
    String topic = "t-" + UUID.randomUUID();
    createTopic(broker, topic);
    return topic;
  }

  private static void createTopic(EmbeddedKafkaBroker target, String topic) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    return producer(broker, extra);
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafkaBroker target, Map<String, Object> extra) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putAll(extra);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<String> consume(String topic, String isolation, int expected) {
    return consume(broker, topic, isolation, expected);
  }

  /** Reads until {@code expected} values arrived or the deadline passed; then reads no more. */
  private static List<String> consume(
      EmbeddedKafkaBroker target, String topic, String isolation, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      // One more short poll: more records than expected must show up as a failure.
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        values.add(record.value());
      }
    }
    return values;
  }
}
