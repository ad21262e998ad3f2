package io.livesubs.ingest.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a WAV file of any supported format ({@link WavReader}) and delivers it in the wire format:
 * channels averaged to mono, resampled to 16 kHz with {@link Resampler}, converted to signed 16-bit
 * with clipping. Streams block by block. Owns the file; {@link #close()} is idempotent. Not
 * thread-safe.
 */
public final class WavFileSource implements MonoPcmSource {

  private static final int BLOCK_FRAMES = 4096;

  private final WavReader reader;
  private final Resampler resampler;
  private final String description;
  private final float[] interleaved;
  private final float[] mono = new float[BLOCK_FRAMES];
  private short[] pending = new short[0];
  private int pendingPos;
  private boolean inputEnded;

  private WavFileSource(WavReader reader, String name) {
    this.reader = reader;
    WavFormat format = reader.format();
    this.resampler = new Resampler(format.sampleRate(), PcmFormat.SAMPLE_RATE);
    this.interleaved = new float[BLOCK_FRAMES * format.channels()];
    this.description = name + " (" + format + ")";
  }

  /**
   * Opens the WAV file at {@code path} and checks its header.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws InvalidAudioException if it is not a WAV file livesubs can read, or has no samples
   */
  public static WavFileSource open(Path path) throws IOException {
    return new WavFileSource(WavReader.open(path), path.toString());
  }

  /** The format of the file as declared in its header. */
  public WavFormat fileFormat() {
    return reader.format();
  }

  @Override
  public int read(short[] dst, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pendingPos == pending.length) {
      if (inputEnded) {
        return -1;
      }
      refill();
    }
    int n = Math.min(len, pending.length - pendingPos);
    System.arraycopy(pending, pendingPos, dst, off, n);
    pendingPos += n;
    return n;
  }

  private void refill() throws IOException {
    int frames = reader.read(interleaved, BLOCK_FRAMES);
    float[] out;
    if (frames < 0) {
      inputEnded = true;
      out = resampler.finish();
    } else {
      PcmSamples.downmix(interleaved, frames, reader.format().channels(), mono);
      out = resampler.process(mono, 0, frames);
    }
    pending = new short[out.length];
    PcmSamples.toS16(out, 0, out.length, pending, 0);
    pendingPos = 0;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
