package io.livesubs.ingest.audio;

/** Sample encodings {@link WavReader} decodes, with the bytes each sample takes in the file. */
public enum SampleEncoding {
  /** Unsigned 8-bit integer PCM (silence is 128). */
  PCM_U8(1),
  /** Signed 16-bit little-endian integer PCM. */
  PCM_S16(2),
  /** Signed 24-bit little-endian integer PCM (also 17..24 valid bits in a 3-byte container). */
  PCM_S24(3),
  /** Signed 32-bit little-endian integer PCM (also 25..32 valid bits in a 4-byte container). */
  PCM_S32(4),
  /** IEEE 754 32-bit float, little-endian, nominal range [-1, 1]. */
  FLOAT32(4),
  /** IEEE 754 64-bit float, little-endian, nominal range [-1, 1]. */
  FLOAT64(8);

  private final int bytes;

  SampleEncoding(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes one sample of one channel takes in the file. */
  public int bytesPerSample() {
    return bytes;
  }
}
