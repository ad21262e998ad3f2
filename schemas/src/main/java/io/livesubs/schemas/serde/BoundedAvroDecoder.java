package io.livesubs.schemas.serde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over a byte range that refuses lengths larger than the bytes left. Avro's
 * own decoder allocates a string or byte array of the encoded length before reading it, so a few
 * garbled bytes could make it allocate gigabytes; this one fails with a message instead. Item
 * counts of arrays and maps are bounded the same way (every item of the livesubs schemas takes at
 * least one byte). Single-use and not thread-safe: one instance decodes one record.
 */
final class BoundedAvroDecoder extends Decoder {

  private final ByteArrayInputStream source;
  private final BinaryDecoder in;

  BoundedAvroDecoder(byte[] data, int offset, int length) {
    this.source = new ByteArrayInputStream(data, offset, length);
    // The direct decoder reads no further than asked, so source.available() stays exact.
    this.in = DecoderFactory.get().directBinaryDecoder(source, null);
  }

  /** Bytes not consumed yet. */
  int remaining() {
    return source.available();
  }

  private int checkedLength(long length, String what) throws IOException {
    if (length < 0 || length > remaining()) {
      throw new IOException(
          "garbled Avro: "
              + what
              + " of length "
              + length
              + " with "
              + remaining()
              + " bytes left");
    }
    return (int) length;
  }

  private long checkedCount(long count, String what) throws IOException {
    if (count < 0 || count > remaining()) {
      throw new IOException(
          "garbled Avro: " + what + " of " + count + " items with " + remaining() + " bytes left");
    }
    return count;
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = checkedLength(in.readLong(), "string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    in.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public void skipString() throws IOException {
    in.skipFixed(checkedLength(in.readLong(), "string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    byte[] bytes = new byte[checkedLength(in.readLong(), "bytes")];
    in.readFixed(bytes, 0, bytes.length);
    return ByteBuffer.wrap(bytes);
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipFixed(checkedLength(in.readLong(), "bytes"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, checkedLength(length, "fixed"));
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(checkedLength(length, "fixed"));
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public long readArrayStart() throws IOException {
    return checkedCount(in.readArrayStart(), "array");
  }

  @Override
  public long arrayNext() throws IOException {
    return checkedCount(in.arrayNext(), "array block");
  }

  @Override
  public long skipArray() throws IOException {
    return in.skipArray();
  }

  @Override
  public long readMapStart() throws IOException {
    return checkedCount(in.readMapStart(), "map");
  }

  @Override
  public long mapNext() throws IOException {
    return checkedCount(in.mapNext(), "map block");
  }

  @Override
  public long skipMap() throws IOException {
    return in.skipMap();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}
