package io.livesubs.app.testing;

import io.livesubs.app.demo.MediaFile;
import io.livesubs.ingest.audio.MonoPcmSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Test audio: reproducible 16 kHz mono samples, and WAV files holding them. */
public final class TestAudio {

  private TestAudio() {}

  /** {@code count} samples of seeded noise, every value distinct from its neighbour's. */
  public static short[] noise(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    short[] samples = new short[count];
    for (int i = 0; i < count; i++) {
      samples[i] = (short) (random.nextInt(20_000) - 10_000);
    }
    return samples;
  }

  /** Writes {@code samples} as a 16 kHz mono 16-bit WAV file. */
  public static Path wav(Path file, short[] samples) throws IOException {
    MediaFile.write(source(samples), file);
    return file;
  }

  /** A source delivering {@code samples}. */
  public static MonoPcmSource source(short[] samples) {
    return new MonoPcmSource() {
      private int pos;

      @Override
      public int read(short[] dst, int off, int len) {
        if (pos == samples.length) {
          return -1;
        }
        int n = Math.min(len, samples.length - pos);
        System.arraycopy(samples, pos, dst, off, n);
        pos += n;
        return n;
      }

      @Override
      public String description() {
        return samples.length + " test samples";
      }

      @Override
      public void close() {}
    };
  }

  /** The first {@code samples} samples of {@code source}, which it closes when closed. */
  public static MonoPcmSource firstSamples(MonoPcmSource source, long samples) {
    return new MonoPcmSource() {
      private long left = samples;

      @Override
      public int read(short[] dst, int off, int len) throws IOException {
        if (left == 0) {
          return -1;
        }
        int n = source.read(dst, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }

      @Override
      public String description() {
        return "first " + samples + " samples of " + source.description();
      }

      @Override
      public void close() throws IOException {
        source.close();
      }
    };
  }
}
