package io.livesubs.ingest;

import io.livesubs.schemas.AudioChunk;

/**
 * Where {@link AudioChunkProducer} puts its records: normally Kafka ({@link
 * io.livesubs.ingest.kafka.KafkaChunkSink}). Records of one key must be delivered in the order they
 * were sent. Implementations are thread-safe, so one sink can serve many producers; a sink is
 * closed by whoever created it.
 */
public interface ChunkSink extends AutoCloseable {

  /**
   * Sends one chunk, keyed by its stream id. May return before delivery.
   *
   * @throws IngestException if the chunk cannot be serialized or sent, or an earlier send failed
   */
  void send(AudioChunk chunk);

  /**
   * Sends bytes that bypass serialization (used to inject corrupt records), keyed by {@code key}.
   *
   * @throws IngestException if the record cannot be sent, or an earlier send failed
   */
  void sendRaw(String key, byte[] value);

  /**
   * Blocks until every record sent so far is delivered.
   *
   * @throws IngestException if a record could not be delivered
   */
  void flush();

  /** Releases the sink; idempotent. Records not yet delivered may be lost. */
  @Override
  void close();
}
