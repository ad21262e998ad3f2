package io.livesubs.ingest.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streaming reader of WAV audio: RIFF/WAVE and RF64, integer PCM of 8, 16, 24 and 32 bits, IEEE
 * float of 32 and 64 bits, plain or {@code WAVE_FORMAT_EXTENSIBLE}, any sample rate and channel
 * count. Samples are decoded block by block into normalised floats (full scale = 1.0), interleaved
 * as in the file; memory use does not depend on the file length.
 *
 * <p>A data chunk left open by a streaming writer (size {@code 0xFFFFFFFF}) is read to the end of
 * the input; a file cut short is read up to its last whole frame. The reader owns its input stream
 * and closes it in {@link #close()}, which is idempotent. Not thread-safe.
 */
public final class WavReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WavReader.class);

  private final InputStream in;
  private final String name;
  private final WavFormat format;
  private final long declaredFrames;
  private long remainingBytes;
  private long framesRead;
  private byte[] bytes = new byte[0];
  private boolean closed;

  private WavReader(InputStream in, String name) throws IOException {
    this.in = in;
    this.name = name;
    WavHeader header = WavHeader.read(in, name);
    this.format = header.format();
    this.remainingBytes = header.dataBytes() < 0 ? Long.MAX_VALUE : header.dataBytes();
    this.declaredFrames = header.dataBytes() < 0 ? -1 : header.dataBytes() / format.frameBytes();
  }

  /**
   * Opens the WAV file at {@code path} and reads its header.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws InvalidAudioException if it is not a readable WAV file or declares no samples
   */
  public static WavReader open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      return new WavReader(in, path.toString());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Reads the WAV header from {@code in}; the reader takes ownership of the stream.
   *
   * @param name how to call the input in error messages
   * @throws InvalidAudioException if it is not a readable WAV stream or declares no samples
   */
  public static WavReader open(InputStream in, String name) throws IOException {
    return new WavReader(in, name);
  }

  /** The format the file declares. */
  public WavFormat format() {
    return format;
  }

  /** The number of frames the header declares, empty for a streamed WAV of unknown length. */
  public OptionalLong declaredFrames() {
    return declaredFrames < 0 ? OptionalLong.empty() : OptionalLong.of(declaredFrames);
  }

  /** Frames returned by {@link #read} so far. */
  public long framesRead() {
    return framesRead;
  }

  /**
   * Reads up to {@code maxFrames} frames into {@code dst} as interleaved normalised floats.
   *
   * @return the number of frames read (at least 1), or -1 at the end of the audio
   * @throws InvalidAudioException if the data ends before the first frame
   */
  public int read(float[] dst, int maxFrames) throws IOException {
    if (closed) {
      throw new IllegalStateException("reader of " + name + " is closed");
    }
    if (maxFrames <= 0 || (long) maxFrames * format.channels() > dst.length) {
      throw new IllegalArgumentException(
          "maxFrames " + maxFrames + " does not fit a buffer of " + dst.length + " samples");
    }
    int frameBytes = format.frameBytes();
    long wantedBytes = Math.min((long) maxFrames * frameBytes, remainingBytes);
    wantedBytes -= wantedBytes % frameBytes;
    if (bytes.length < wantedBytes) {
      bytes = new byte[(int) wantedBytes];
    }
    int got = wantedBytes == 0 ? 0 : in.readNBytes(bytes, 0, (int) wantedBytes);
    int frames = got / frameBytes;
    if (got < wantedBytes) {
      if (remainingBytes != Long.MAX_VALUE) {
        LOG.warn("{} ends {} bytes before its declared data length", name, remainingBytes - got);
      }
      remainingBytes = 0; // end of input: the partial frame, if any, is dropped
    } else {
      remainingBytes -= got;
    }
    if (frames == 0) {
      if (framesRead == 0) {
        throw WavHeader.noSamples(name);
      }
      return -1;
    }
    decode(bytes, frames * format.channels(), dst);
    framesRead += frames;
    return frames;
  }

  private void decode(byte[] b, int samples, float[] dst) {
    switch (format.encoding()) {
      case PCM_U8 -> {
        for (int i = 0; i < samples; i++) {
          dst[i] = ((b[i] & 0xff) - 128) / 128f;
        }
      }
      case PCM_S16 -> {
        for (int i = 0, p = 0; i < samples; i++, p += 2) {
          dst[i] = (short) ((b[p] & 0xff) | b[p + 1] << 8) / 32768f;
        }
      }
      case PCM_S24 -> {
        for (int i = 0, p = 0; i < samples; i++, p += 3) {
          dst[i] = ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | b[p + 2] << 16) / 8388608f;
        }
      }
      case PCM_S32 -> {
        for (int i = 0, p = 0; i < samples; i++, p += 4) {
          dst[i] = (float) (int32(b, p) / 2147483648.0);
        }
      }
      case FLOAT32 -> {
        for (int i = 0, p = 0; i < samples; i++, p += 4) {
          dst[i] = Float.intBitsToFloat(int32(b, p));
        }
      }
      case FLOAT64 -> {
        for (int i = 0, p = 0; i < samples; i++, p += 8) {
          long bits = (int32(b, p) & 0xffff_ffffL) | (long) int32(b, p + 4) << 32;
          dst[i] = (float) Double.longBitsToDouble(bits);
        }
      }
      default -> throw new IllegalStateException("unhandled encoding " + format.encoding());
    }
  }

  private static int int32(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | b[p + 3] << 24;
  }

  /** Closes the input stream; idempotent. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
