package io.livesubs.app.demo;

import io.livesubs.ingest.audio.MonoPcmSource;
import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.audio.WavFileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Several WAV files played one after another as one stream, with a stretch of silence between two
 * files (none before the first or after the last). Each file is converted to the wire format by
 * {@link WavFileSource} and opened only when its turn comes. Owns the open file; {@link #close()}
 * is idempotent. Not thread-safe.
 */
public final class JoinedWavSource implements MonoPcmSource {

  private final List<Path> files;
  private final int gapSamples;
  private int next;
  private WavFileSource current;
  private int silenceLeft;
  private boolean closed;

  /**
   * @param files the WAV files, in playing order; at least one
   * @param gapMs silence between two files, in milliseconds (0 for none)
   */
  public JoinedWavSource(List<Path> files, int gapMs) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no WAV files to join");
    }
    if (gapMs < 0) {
      throw new IllegalArgumentException("gap must be >= 0 ms, got " + gapMs);
    }
    this.files = List.copyOf(files);
    this.gapSamples = gapMs == 0 ? 0 : PcmFormat.samplesForMs(gapMs);
  }

  @Override
  public int read(short[] dst, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("source is closed");
    }
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (silenceLeft > 0) {
        int n = Math.min(len, silenceLeft);
        Arrays.fill(dst, off, off + n, (short) 0);
        silenceLeft -= n;
        return n;
      }
      if (current == null) {
        if (next == files.size()) {
          return -1;
        }
        current = WavFileSource.open(files.get(next++));
      }
      int n = current.read(dst, off, len);
      if (n > 0) {
        return n;
      }
      current.close();
      current = null;
      if (next < files.size()) {
        silenceLeft = gapSamples;
      }
    }
  }

  @Override
  public String description() {
    return files.size() == 1
        ? files.get(0).toString()
        : files.size() + " WAV files joined with " + PcmFormat.samplesToMs(gapSamples) + " ms gaps";
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
