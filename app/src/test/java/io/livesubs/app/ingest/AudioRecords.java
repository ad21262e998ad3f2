package io.livesubs.app.ingest;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records of one stream on the audio topic, in the order a consumer sees them, each decoded if
 * it can be. Reads from the beginning until the stream's end-of-stream chunk has arrived.
 *
 * @param key the record key
 * @param chunk the decoded chunk, or null when the value is not a valid record
 */
record AudioRecords(String key, AudioChunk chunk) {

  /** Whether the value failed to decode. */
  boolean corrupt() {
    return chunk == null;
  }

  /**
   * Reads the records keyed {@code streamId} until its end-of-stream chunk, failing after {@code
   * timeout}.
   */
  static List<AudioRecords> readStream(
      String bootstrapServers, String registryUrl, String streamId, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<AudioRecords> records = new ArrayList<>();
    try (CachedSchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(registryUrl);
        AvroDeserializer<AudioChunk> chunks = new AvroDeserializer<>(registry, AudioChunk.class);
        KafkaConsumer<String, byte[]> consumer =
            new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.AUDIO, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.stream().noneMatch(r -> !r.corrupt() && r.chunk().getEndOfStream())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "no end-of-stream chunk of " + streamId + " within " + timeout + "; got " + records);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (streamId.equals(record.key())) {
            records.add(new AudioRecords(record.key(), decode(chunks, record.value())));
          }
        }
      }
    }
    return records;
  }

  private static AudioChunk decode(AvroDeserializer<AudioChunk> chunks, byte[] value) {
    try {
      return chunks.deserialize(Topics.AUDIO, value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return corrupt() ? "corrupt" : "seq " + chunk.getSeq();
  }
}
