package io.livesubs.jobs.source;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.SchemaRegistryException;
import io.livesubs.schemas.serde.AvroDeserializer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns each Kafka record of the audio topic into exactly one {@link DecodedAudio}: the value is
 * decoded from the Confluent wire format with the schema registry and checked by {@link
 * AudioChunkValidator}. Records that do not decode or do not validate become rejected values
 * carrying the reason, the key and the original bytes; bad input never throws.
 *
 * <p>An unreachable or failing schema registry is not bad input: it would send every record to the
 * dead-letter topic, so it throws an {@link IOException} instead and the job restarts from its last
 * checkpoint.
 *
 * <p>Serializable: carries the registry URL and limits; the registry client is built in {@link
 * #open()} on the task manager. One instance is used by one source reader thread.
 */
public final class AudioRecordDeserializer
    implements KafkaRecordDeserializationSchema<DecodedAudio> {

  private static final long serialVersionUID = 1L;
  private static final int SERVER_ERROR = 500;

  private final String schemaRegistryUrl;
  private final AudioChunkValidator validator;
  private transient AvroDeserializer<AudioChunk> avro;

  /**
   * A deserializer reading schemas from {@code schemaRegistryUrl} and enforcing {@code limits}.
   *
   * @throws IllegalArgumentException when the URL is missing or malformed
   */
  public AudioRecordDeserializer(String schemaRegistryUrl, ChunkLimits limits) {
    this.schemaRegistryUrl = CachedSchemaRegistryClient.checkUrl(schemaRegistryUrl);
    this.validator = new AudioChunkValidator(Objects.requireNonNull(limits, "limits"));
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    open();
  }

  /**
   * Builds the registry client; called by Flink through {@link #open(InitializationContext)}, and
   * lazily by {@link #decode} when it was not.
   */
  public void open() {
    if (avro == null) {
      // The client lives as long as the source reader; Flink gives a deserialization schema no
      // close hook, and the client holds no resources beyond an idle HTTP client.
      avro =
          new AvroDeserializer<>(
              CachedSchemaRegistryClient.forUrl(schemaRegistryUrl), AudioChunk.class);
    }
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedAudio> out)
      throws IOException {
    out.collect(decode(record));
  }

  /**
   * Decodes and validates one record.
   *
   * @return the accepted chunk or the rejection; never {@code null}
   * @throws IOException when the schema registry cannot be reached or fails (not bad input)
   */
  public DecodedAudio decode(ConsumerRecord<byte[], byte[]> record) throws IOException {
    open();
    if (record.value() == null) {
      return reject(record, null, RejectReason.DECODE_FAILED, "record has no value (tombstone)");
    }
    AudioChunk chunk;
    try {
      chunk = avro.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      if (isRegistryOutage(e)) {
        throw new IOException(
            "schema registry " + schemaRegistryUrl + " unavailable: " + e.getMessage(), e);
      }
      return reject(record, null, RejectReason.DECODE_FAILED, e.getMessage());
    } catch (RuntimeException e) {
      // Defensive: whatever else the Avro stack throws on garbage is still bad input.
      return reject(record, null, RejectReason.DECODE_FAILED, "cannot decode AudioChunk: " + e);
    }
    ChunkVerdict verdict = validator.validate(chunk, record.key(), record.timestamp());
    if (verdict instanceof ChunkVerdict.Rejected r) {
      return reject(record, chunk.getStreamId(), r.code(), r.reason());
    }
    return DecodedAudio.accepted(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        ((ChunkVerdict.Accepted) verdict).chunk());
  }

  @Override
  public TypeInformation<DecodedAudio> getProducedType() {
    return TypeInformation.of(DecodedAudio.class);
  }

  private static DecodedAudio reject(
      ConsumerRecord<byte[], byte[]> record, String streamId, RejectReason code, String reason) {
    return DecodedAudio.rejected(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        record.value(),
        streamId,
        code,
        reason == null ? code.name() : reason);
  }

  private static boolean isRegistryOutage(SerializationException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException sre) {
        return sre.httpStatus() == SchemaRegistryException.NO_RESPONSE
            || sre.httpStatus() >= SERVER_ERROR;
      }
      if (t instanceof InterruptedIOException) {
        return true; // the task is being cancelled: not the record's fault
      }
    }
    return false;
  }
}
