package io.livesubs.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format of a Kafka record: magic byte {@code 0}, the writer schema's global
 * registry id as a 4-byte big-endian int, then the Avro binary encoding of the record. Stateless
 * helpers; thread-safe.
 */
public final class ConfluentWireFormat {

  /** The first byte of every record in this format. */
  public static final byte MAGIC_BYTE = 0;

  /** Length of magic byte plus schema id. */
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** The 5-byte header for a record written with schema {@code schemaId}. */
  public static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** {@code payload} (Avro binary) prefixed with the header for {@code schemaId}. */
  public static byte[] frame(int schemaId, byte[] payload) {
    return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(payload)
        .array();
  }

  /**
   * Reads the schema id from the header of {@code record}.
   *
   * @throws SerializationException when the record is shorter than the header or does not start
   *     with the magic byte
   */
  public static int schemaId(byte[] record) {
    if (record == null || record.length < HEADER_LENGTH) {
      throw new SerializationException(
          "record of "
              + (record == null ? 0 : record.length)
              + " bytes is too short for the Confluent wire format (at least "
              + HEADER_LENGTH
              + " bytes: magic byte and schema id)");
    }
    if (record[0] != MAGIC_BYTE) {
      throw new SerializationException(
          String.format(
              "not Confluent wire format: first byte 0x%02x is not the magic byte 0",
              record[0] & 0xff));
    }
    return ByteBuffer.wrap(record, 1, 4).getInt();
  }
}
