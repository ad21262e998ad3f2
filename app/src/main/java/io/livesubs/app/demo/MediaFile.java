package io.livesubs.app.demo;

import io.livesubs.ingest.audio.MonoPcmSource;
import io.livesubs.ingest.audio.PcmFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a stream's audio, exactly as it is sent to Kafka (16 kHz mono signed 16-bit), as a PCM WAV
 * file: the player page of {@code sink-subtitles} plays {@code <media dir>/<stream id>.wav}
 * alongside the captions, and the file with the demo's {@code .vtt} next to it opens in any media
 * player. Stateless and thread-safe.
 */
public final class MediaFile {

  private static final int HEADER_BYTES = 44;
  private static final int BLOCK_SAMPLES = 16_000;

  private MediaFile() {}

  /**
   * Reads {@code source} to its end into a new WAV file at {@code target} (replacing one that is
   * there).
   *
   * @return the number of samples written
   * @throws IOException if the source cannot be read or the file cannot be written
   */
  public static long write(MonoPcmSource source, Path target) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    long samples = 0;
    try (FileChannel out =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.position(HEADER_BYTES);
      short[] block = new short[BLOCK_SAMPLES];
      ByteBuffer bytes =
          ByteBuffer.allocate(BLOCK_SAMPLES * PcmFormat.BYTES_PER_SAMPLE)
              .order(ByteOrder.LITTLE_ENDIAN);
      int n;
      while ((n = source.readFully(block, 0, BLOCK_SAMPLES)) > 0) {
        bytes.clear();
        for (int i = 0; i < n; i++) {
          bytes.putShort(block[i]);
        }
        bytes.flip();
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        samples += n;
      }
      ByteBuffer header = header(samples);
      out.position(0);
      while (header.hasRemaining()) {
        out.write(header);
      }
    }
    // The sink's player may read the file at any time: it only ever sees a complete one.
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return samples;
  }

  /** The canonical 44-byte header of 16 kHz mono 16-bit PCM with {@code samples} samples. */
  static ByteBuffer header(long samples) {
    long dataBytes = samples * PcmFormat.BYTES_PER_SAMPLE;
    if (dataBytes > 0xFFFF_FFFFL - HEADER_BYTES) {
      throw new IllegalArgumentException("audio too long for a WAV file: " + samples + " samples");
    }
    int byteRate = PcmFormat.SAMPLE_RATE * PcmFormat.BYTES_PER_SAMPLE;
    ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    h.put(ascii("RIFF")).putInt((int) (dataBytes + HEADER_BYTES - 8)).put(ascii("WAVE"));
    h.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) PcmFormat.CHANNELS);
    h.putInt(PcmFormat.SAMPLE_RATE).putInt(byteRate);
    h.putShort((short) PcmFormat.BYTES_PER_SAMPLE).putShort((short) 16);
    h.put(ascii("data")).putInt((int) dataBytes);
    return h.flip();
  }

  private static byte[] ascii(String tag) {
    return tag.getBytes(StandardCharsets.US_ASCII);
  }
}
