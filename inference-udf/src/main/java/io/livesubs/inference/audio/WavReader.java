package io.livesubs.inference.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files holding 16-bit PCM (format tag 1, or WAVE_FORMAT_EXTENSIBLE with a PCM
 * subformat). Stateless and thread-safe. Errors name the file and what was wrong.
 */
public final class WavReader {
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int RIFF = 0x46464952; // "RIFF" read little-endian
  private static final int WAVE = 0x45564157; // "WAVE"
  private static final int FMT = 0x20746d66; // "fmt "
  private static final int DATA = 0x61746164; // "data"

  private WavReader() {}

  /**
   * Reads a 16-bit PCM WAV file.
   *
   * @throws IOException if the file cannot be read or is not 16-bit PCM WAV
   */
  public static PcmAudio read(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (buf.remaining() < 12 || buf.getInt(0) != RIFF || buf.getInt(8) != WAVE) {
      throw new IOException(file + " is not a RIFF/WAVE file");
    }
    int pos = 12;
    int sampleRate = -1;
    int channels = -1;
    while (pos + 8 <= buf.limit()) {
      int id = buf.getInt(pos);
      long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
      int body = pos + 8;
      if (id != DATA && size > buf.limit() - body) {
        throw new IOException(file + ": truncated RIFF chunk at byte " + pos);
      }
      if (id == FMT) {
        int format = Short.toUnsignedInt(buf.getShort(body));
        channels = Short.toUnsignedInt(buf.getShort(body + 2));
        sampleRate = buf.getInt(body + 4);
        int bits = Short.toUnsignedInt(buf.getShort(body + 14));
        if (format == FORMAT_EXTENSIBLE && size >= 26) {
          format = Short.toUnsignedInt(buf.getShort(body + 24));
        }
        if (format != FORMAT_PCM || bits != 16) {
          throw new IOException(
              file + ": only 16-bit PCM is supported (format " + format + ", " + bits + " bits)");
        }
      } else if (id == DATA) {
        if (sampleRate <= 0) {
          throw new IOException(file + ": data chunk before fmt chunk");
        }
        // Streams written live often leave the size at 0 or 0xFFFFFFFF: read to the end then.
        long available = buf.limit() - body;
        long length = size == 0 || size > available ? available : size;
        short[] samples = new short[(int) (length / 2 / channels * channels)];
        buf.position(body);
        buf.asShortBuffer().get(samples);
        return new PcmAudio(sampleRate, channels, samples);
      }
      pos = body + (int) size + (int) (size & 1);
    }
    throw new IOException(file + ": no data chunk");
  }

  /**
   * Reads a WAV file that must be 16 kHz mono 16-bit PCM (what the engines consume).
   *
   * @throws IOException if unreadable or in another format
   */
  public static short[] readMono16k(Path file) throws IOException {
    PcmAudio audio = read(file);
    if (audio.sampleRate() != 16_000 || audio.channels() != 1) {
      throw new IOException(
          file
              + ": expected 16 kHz mono, found "
              + audio.sampleRate()
              + " Hz, "
              + audio.channels()
              + " channel(s)");
    }
    return audio.samples();
  }
}
