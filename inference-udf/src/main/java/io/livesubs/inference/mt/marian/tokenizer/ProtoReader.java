package io.livesubs.inference.mt.marian.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over protocol-buffer wire format: just enough to read SentencePiece's {@code ModelProto}
 * without a protobuf dependency. Fields are read in file order; unknown fields are skipped by
 * {@link #skip(int)}.
 *
 * <p>Not thread-safe; one instance reads one message (sub-messages get their own reader).
 */
final class ProtoReader {
  /** Wire type of varints (int32, int64, bool, enum). */
  static final int VARINT = 0;

  /** Wire type of 8-byte values. */
  static final int FIXED64 = 1;

  /** Wire type of strings, bytes and sub-messages. */
  static final int LENGTH_DELIMITED = 2;

  /** Wire type of 4-byte values (float, fixed32). */
  static final int FIXED32 = 5;

  private final byte[] data;
  private final int end;
  private final String what;
  private int pos;

  ProtoReader(byte[] data, String what) {
    this(data, 0, data.length, what);
  }

  private ProtoReader(byte[] data, int from, int end, String what) {
    this.data = data;
    this.pos = from;
    this.end = end;
    this.what = what;
  }

  /** Whether the message has more fields. */
  boolean hasMore() {
    return pos < end;
  }

  /** The next field's key: field number {@code << 3 | wire type}. */
  int readTag() {
    long tag = readVarint();
    if (tag <= 0 || tag > Integer.MAX_VALUE) {
      throw malformed("field key " + tag);
    }
    return (int) tag;
  }

  /** An unsigned varint of up to 64 bits. */
  long readVarint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = next();
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw malformed("varint longer than 10 bytes");
  }

  /** A varint field as a Java int (negative int32 values are 10-byte varints). */
  int readInt32() {
    return (int) readVarint();
  }

  /** A little-endian IEEE float (wire type 5). */
  float readFloat() {
    return Float.intBitsToFloat(readFixed32());
  }

  /** A length-delimited UTF-8 string. */
  String readString() {
    int length = readLength();
    String s = new String(data, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /** A length-delimited byte string, copied. */
  byte[] readBytes() {
    int length = readLength();
    byte[] out = new byte[length];
    System.arraycopy(data, pos, out, 0, length);
    pos += length;
    return out;
  }

  /** A reader over the length-delimited sub-message at the cursor; this reader moves past it. */
  ProtoReader readMessage(String name) {
    int length = readLength();
    ProtoReader sub = new ProtoReader(data, pos, pos + length, what + " " + name);
    pos += length;
    return sub;
  }

  /** Skips the value of a field with {@code wireType}. */
  void skip(int wireType) {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> advance(readLength());
      case FIXED32 -> advance(4);
      default -> throw malformed("unsupported wire type " + wireType);
    }
  }

  private int readFixed32() {
    advance(4);
    return (data[pos - 4] & 0xff)
        | (data[pos - 3] & 0xff) << 8
        | (data[pos - 2] & 0xff) << 16
        | (data[pos - 1] & 0xff) << 24;
  }

  private int readLength() {
    long length = readVarint();
    if (length < 0 || length > end - pos) {
      throw malformed("length " + length + " past the end of the message");
    }
    return (int) length;
  }

  private void advance(int n) {
    if (n > end - pos) {
      throw malformed("field past the end of the message");
    }
    pos += n;
  }

  private byte next() {
    if (pos >= end) {
      throw malformed("truncated varint");
    }
    return data[pos++];
  }

  private IllegalArgumentException malformed(String problem) {
    return new IllegalArgumentException(
        "malformed " + what + " (not a SentencePiece model?): " + problem + " at byte " + pos);
  }
}
