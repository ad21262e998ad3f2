package io.livesubs.ingest.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes synthetic WAV files for tests, independently of {@link WavReader}. */
final class WavBytes {

  private int sampleRate = 16_000;
  private int channels = 1;
  private SampleEncoding encoding = SampleEncoding.PCM_S16;
  private boolean extensible;
  private Integer formatTagOverride;
  private boolean openEndedData;
  private boolean listChunkBeforeData;
  private int truncateDataBytes;

  static WavBytes of(int sampleRate, int channels, SampleEncoding encoding) {
    WavBytes w = new WavBytes();
    w.sampleRate = sampleRate;
    w.channels = channels;
    w.encoding = encoding;
    return w;
  }

  WavBytes extensible() {
    extensible = true;
    return this;
  }

  WavBytes formatTag(int tag) {
    formatTagOverride = tag;
    return this;
  }

  /** Declares the data size as 0xFFFFFFFF, as streaming writers do. */
  WavBytes openEndedData() {
    openEndedData = true;
    return this;
  }

  /** Puts an odd-sized LIST chunk (with its pad byte) between fmt and data. */
  WavBytes listChunkBeforeData() {
    listChunkBeforeData = true;
    return this;
  }

  /** Drops the last {@code bytes} bytes of the data (declared size unchanged). */
  WavBytes truncateData(int bytes) {
    truncateDataBytes = bytes;
    return this;
  }

  /** The file bytes for {@code interleaved} samples in [-1, 1]. */
  byte[] write(float[] interleaved) {
    int bytesPerSample = encoding.bytesPerSample();
    ByteBuffer data =
        ByteBuffer.allocate(interleaved.length * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : interleaved) {
      switch (encoding) {
        case PCM_U8 -> data.put((byte) (clamp(Math.round(x * 128.0), -128, 127) + 128));
        case PCM_S16 -> data.putShort((short) clamp(Math.round(x * 32768.0), -32768, 32767));
        case PCM_S24 -> {
          long v = clamp(Math.round(x * 8388608.0), -8388608, 8388607);
          data.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        case PCM_S32 ->
            data.putInt(
                (int) clamp(Math.round(x * 2147483648.0), Integer.MIN_VALUE, Integer.MAX_VALUE));
        case FLOAT32 -> data.putFloat(x);
        case FLOAT64 -> data.putDouble(x);
      }
    }
    boolean isFloat = encoding == SampleEncoding.FLOAT32 || encoding == SampleEncoding.FLOAT64;
    int tag = formatTagOverride != null ? formatTagOverride : isFloat ? 3 : 1;
    ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) (extensible ? 0xFFFE : tag));
    fmt.putShort((short) channels);
    fmt.putInt(sampleRate);
    fmt.putInt(sampleRate * channels * bytesPerSample);
    fmt.putShort((short) (channels * bytesPerSample));
    fmt.putShort((short) (8 * bytesPerSample));
    if (extensible) {
      fmt.putShort((short) 22);
      fmt.putShort((short) (8 * bytesPerSample));
      fmt.putInt((1 << channels) - 1);
      fmt.putShort((short) tag);
      fmt.put(
          new byte[] {
            0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
          });
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(ascii("WAVE"));
    chunk(body, "fmt ", fmt.array(), fmt.array().length);
    if (listChunkBeforeData) {
      chunk(body, "LIST", ascii("INFOISFT"), 9); // odd declared size: a pad byte follows
    }
    byte[] dataBytes = data.array();
    long declared = openEndedData ? 0xFFFF_FFFFL : dataBytes.length;
    body.writeBytes(ascii("data"));
    body.writeBytes(le32(declared));
    body.write(dataBytes, 0, dataBytes.length - truncateDataBytes);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(ascii("RIFF"));
    file.writeBytes(le32(openEndedData ? 0xFFFF_FFFFL : body.size()));
    file.writeBytes(body.toByteArray());
    return file.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String id, byte[] content, int size) {
    out.writeBytes(ascii(id));
    out.writeBytes(le32(size));
    byte[] padded = new byte[size + (size & 1)];
    System.arraycopy(content, 0, padded, 0, Math.min(size, content.length));
    out.writeBytes(padded);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] le32(long v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
