package io.livesubs.ingest.audio;

import java.io.IOException;

/**
 * A source of audio already in the wire format ({@link PcmFormat}: 16 kHz mono signed 16-bit).
 * Implementations own their underlying input and release it in an idempotent {@link #close()}. Not
 * thread-safe: one reader at a time.
 */
public interface MonoPcmSource extends AutoCloseable {

  /**
   * Reads up to {@code len} samples into {@code dst} at {@code off}.
   *
   * @return the number of samples read, at least 1 when {@code len > 0}, or -1 at the end
   * @throws InvalidAudioException if the input turns out to hold no samples at all
   */
  int read(short[] dst, int off, int len) throws IOException;

  /** Describes the input for logs and summaries, e.g. its name and original format. */
  String description();

  /**
   * Reads until {@code len} samples are in {@code dst} or the input ends.
   *
   * @return the number of samples read; less than {@code len} only at the end of the input
   */
  default int readFully(short[] dst, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = read(dst, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  @Override
  void close() throws IOException;
}
