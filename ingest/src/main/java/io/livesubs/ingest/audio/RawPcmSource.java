package io.livesubs.ingest.audio;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads raw audio that is already in the wire format (16 kHz mono signed 16-bit little-endian, no
 * header), e.g. from {@code ffmpeg -f s16le -ar 16000 -ac 1 -}. A lone trailing byte at the end of
 * the input is dropped with a warning. Owns the stream and closes it in an idempotent {@link
 * #close()}. Not thread-safe.
 */
public final class RawPcmSource implements MonoPcmSource {

  private static final Logger LOG = LoggerFactory.getLogger(RawPcmSource.class);

  private final InputStream in;
  private final String name;
  private byte[] bytes = new byte[8192];
  private int carried; // 0 or 1 byte of an incomplete sample kept from the previous read
  private long samplesRead;
  private boolean ended;
  private boolean closed;

  /**
   * @param in the raw s16le input; the source takes ownership
   * @param name how to call the input in messages, e.g. {@code "stdin"}
   */
  public RawPcmSource(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  @Override
  public int read(short[] dst, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (ended) {
      return -1;
    }
    int wanted = 2 * len;
    if (bytes.length < wanted) {
      bytes = new byte[wanted];
    }
    while (true) {
      int got = in.read(bytes, carried, wanted - carried);
      if (got < 0) {
        ended = true;
        if (carried == 1) {
          LOG.warn("{} ended with half a sample; its last byte is dropped", name);
        }
        if (samplesRead == 0) {
          throw new InvalidAudioException(name + " has no audio samples");
        }
        return -1;
      }
      int available = carried + got;
      int samples = available / 2;
      if (samples > 0) {
        PcmSamples.fromLittleEndian(bytes, 0, samples, dst, off);
        carried = available % 2;
        if (carried == 1) {
          bytes[0] = bytes[available - 1];
        }
        samplesRead += samples;
        return samples;
      }
      carried = available;
    }
  }

  @Override
  public String description() {
    return name + " (raw s16le, 16000 Hz, mono)";
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
