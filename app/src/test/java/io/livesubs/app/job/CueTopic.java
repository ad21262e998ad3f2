package io.livesubs.app.job;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Test reader of the whole cue topic with {@code read_committed}, keeping every record as the job
 * wrote it (source cue identity included), in partition order, which for one stream is emission
 * order. Waits are on a monitor with deadlines, woken by each record. Thread-safe.
 */
final class CueTopic implements AutoCloseable {

  private final KafkaConsumer<String, SubtitleCue> consumer;
  private final CachedSchemaRegistryClient registry;
  private final Thread thread;
  private final List<SubtitleCue> records = new ArrayList<>();
  private volatile boolean stopping;

  private CueTopic(String bootstrapServers, String registryUrl) {
    registry = CachedSchemaRegistryClient.forUrl(registryUrl);
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(
            props, new StringDeserializer(), new AvroDeserializer<>(registry, SubtitleCue.class));
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.CUES, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::poll, "cue-topic-reader");
    thread.setDaemon(true);
  }

  static CueTopic start(String bootstrapServers, String registryUrl) {
    CueTopic topic = new CueTopic(bootstrapServers, registryUrl);
    topic.thread.start();
    return topic;
  }

  private void poll() {
    try {
      while (!stopping) {
        for (ConsumerRecord<String, SubtitleCue> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null) {
            synchronized (this) {
              records.add(r.value());
              notifyAll();
            }
          }
        }
      }
    } catch (WakeupException e) {
      // close() stops the reader
    } finally {
      consumer.close(Duration.ofSeconds(5));
      registry.close();
    }
  }

  /** Every record of {@code stream} in {@code language}, markers included, in emission order. */
  synchronized List<SubtitleCue> timeline(String stream, String language) {
    return records.stream()
        .filter(c -> c.getStreamId().toString().equals(stream))
        .filter(c -> c.getLanguage().toString().equals(language))
        .toList();
  }

  /** The final cues (not markers) of {@code stream} in {@code language}. */
  synchronized List<SubtitleCue> finals(String stream, String language) {
    return timeline(stream, language).stream()
        .filter(c -> c.getIsFinal() && c.getCueSeq() >= 0)
        .toList();
  }

  /**
   * Waits until {@code stream}'s English timeline has at least {@code count} progress markers.
   *
   * @return the number of markers seen
   * @throws AssertionError if that does not happen within {@code timeout}
   */
  synchronized int awaitProgressMarkers(String stream, int count, Duration timeout)
      throws InterruptedException {
    Predicate<SubtitleCue> marker = CueConventions::isProgress;
    long seen = awaitCount(stream, "en", marker, count, timeout);
    if (seen < count) {
      throw new AssertionError(
          "only " + seen + " of " + count + " progress markers of " + stream + " in " + timeout);
    }
    return (int) seen;
  }

  /** Waits for the end-of-stream marker of {@code stream} in {@code language}. */
  synchronized boolean awaitEnd(String stream, String language, Duration timeout)
      throws InterruptedException {
    return awaitCount(stream, language, CueConventions::isEndOfStream, 1, timeout) >= 1;
  }

  private long awaitCount(
      String stream, String language, Predicate<SubtitleCue> what, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long seen = timeline(stream, language).stream().filter(what).count();
      long left = deadline - System.nanoTime();
      if (seen >= count || left <= 0) {
        return seen;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    consumer.wakeup();
    thread.join(10_000);
  }
}
