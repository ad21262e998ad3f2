package io.livesubs.jobs.kafka;

import io.livesubs.jobs.LivesubsJobConfig;
import io.livesubs.jobs.source.AudioRecordDeserializer;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.serde.RegistryAvroSerializationSchema;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The Kafka source and sinks of the livesubs job, built from a {@link LivesubsJobConfig}. Values
 * are Avro in the Confluent wire format with the schema registry; every record is keyed by stream
 * id (dead letters keep the original key bytes). Stateless factory; thread-safe.
 */
public final class KafkaEndpoints {

  /**
   * Kafka's default {@code transaction.max.timeout.ms} is 15 min and the Flink sink's default
   * transaction timeout is 1 h, which the broker refuses; stay within the broker's limit.
   */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private KafkaEndpoints() {}

  /**
   * The audio source: committed offsets of the consumer group, else the earliest; only committed
   * records of transactional producers.
   */
  public static KafkaSource<DecodedAudio> audioSource(LivesubsJobConfig config) {
    return KafkaSource.<DecodedAudio>builder()
        .setBootstrapServers(config.bootstrapServers())
        .setTopics(config.audioTopic())
        .setGroupId(config.groupId())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(
            new AudioRecordDeserializer(config.schemaRegistryUrl(), config.chunkLimits()))
        .setProperty("isolation.level", "read_committed")
        .build();
  }

  /** The cue sink: key = stream id, value = {@code SubtitleCue}. */
  public static KafkaSink<SubtitleCue> cueSink(LivesubsJobConfig config) {
    return sink(config, config.cueTopic(), SubtitleCue.class, new CueKey(), "cues");
  }

  /** The dead-letter sink: key = the rejected record's original key, value = {@code DeadLetter}. */
  public static KafkaSink<DeadLetter> deadLetterSink(LivesubsJobConfig config) {
    return sink(
        config, config.deadLetterTopic(), DeadLetter.class, new DeadLetterKey(), "dead-letters");
  }

  private static <T extends SpecificRecord> KafkaSink<T> sink(
      LivesubsJobConfig config,
      String topic,
      Class<T> type,
      SerializationSchema<T> key,
      String idSuffix) {
    KafkaRecordSerializationSchema<T> serializer =
        KafkaRecordSerializationSchema.<T>builder()
            .setTopic(topic)
            .setKeySerializationSchema(key)
            .setValueSerializationSchema(
                new RegistryAvroSerializationSchema<>(config.schemaRegistryUrl(), topic, type))
            .build();
    var builder =
        KafkaSink.<T>builder()
            .setBootstrapServers(config.bootstrapServers())
            .setRecordSerializer(serializer)
            .setDeliveryGuarantee(config.deliveryGuarantee());
    if (config.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
      // Each sink needs its own transactional ids, or the two would fence each other.
      builder
          .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + idSuffix)
          .setProperty("transaction.timeout.ms", Long.toString(TRANSACTION_TIMEOUT.toMillis()));
    }
    return builder.build();
  }

  /** Key of a cue: its stream id in UTF-8. */
  static final class CueKey implements SerializationSchema<SubtitleCue> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(SubtitleCue cue) {
      return cue.getStreamId().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Key of a dead letter: the original record's key bytes, or none. */
  static final class DeadLetterKey implements SerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(DeadLetter letter) {
      ByteBuffer key = letter.getKey();
      if (key == null) {
        return null;
      }
      byte[] bytes = new byte[key.remaining()];
      key.duplicate().get(bytes);
      return bytes;
    }
  }
}
