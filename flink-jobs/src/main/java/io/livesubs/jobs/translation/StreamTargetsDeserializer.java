package io.livesubs.jobs.translation;

import io.livesubs.schemas.StreamConfig;
import io.livesubs.schemas.serde.RegistryAvroDeserializationSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code StreamConfig} topic (key = stream id) into {@link StreamTargets}: a
 * record becomes the stream's targets, a tombstone (null value) a reset to the job's defaults. A
 * record that cannot be read, has no key, or names a malformed language is logged and skipped: a
 * bad config must not stop the captions of every stream. Serializable; Flink uses an instance from
 * one thread.
 */
public final class StreamTargetsDeserializer
    implements KafkaRecordDeserializationSchema<StreamTargets> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StreamTargetsDeserializer.class);

  private final RegistryAvroDeserializationSchema<StreamConfig> values;

  /** A deserializer of {@code topic}'s values through the registry at {@code registryUrl}. */
  public StreamTargetsDeserializer(String registryUrl, String topic) {
    this.values = new RegistryAvroDeserializationSchema<>(registryUrl, topic, StreamConfig.class);
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) throws Exception {
    values.open(context);
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<StreamTargets> out)
      throws IOException {
    if (record.key() == null) {
      LOG.warn("stream config at offset {} has no key (stream id); skipped", record.offset());
      return;
    }
    String streamId = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      out.collect(StreamTargets.resetToDefault(streamId));
      return;
    }
    try {
      out.collect(toTargets(streamId, values.deserialize(record.value())));
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn(
          "stream config of {} at offset {} unreadable; skipped: {}",
          streamId,
          record.offset(),
          e.getMessage());
    }
  }

  /** The targets of {@code config}, for the stream named by the record key. */
  static StreamTargets toTargets(String streamId, StreamConfig config) {
    List<String> targets = new ArrayList<>();
    for (CharSequence tag : config.getTargetLanguages()) {
      String t =
          TranslationSettings.checkLanguageTag("targetLanguages of " + streamId, tag.toString());
      if (!targets.contains(t)) {
        targets.add(t);
      }
    }
    return StreamTargets.of(streamId, targets.toArray(String[]::new));
  }

  @Override
  public TypeInformation<StreamTargets> getProducedType() {
    return TypeInformation.of(StreamTargets.class);
  }
}
