package io.livesubs.app.bench;

import java.util.Objects;

/**
 * The audio of one benchmark stream: {@code length} samples of a shared recording, starting at
 * {@code offset} and wrapping around to its beginning. Streams of one phase share the recording
 * without copying it (a backlog of many streams would otherwise fill the heap it is meant to
 * measure), and streams that start at different offsets do not all speak and pause at the same
 * moments. Immutable; the shared array is never written.
 *
 * @param id stream id
 * @param recording the shared recording, not empty
 * @param offset where the stream starts in the recording, 0 to its length - 1
 * @param length samples of the stream, at least 1
 */
record StreamAudio(String id, short[] recording, int offset, long length) {

  /** Checks the values. */
  public StreamAudio {
    Objects.requireNonNull(id, "id");
    if (recording.length == 0) {
      throw new IllegalArgumentException("the recording is empty");
    }
    if (offset < 0 || offset >= recording.length) {
      throw new IllegalArgumentException(
          "offset must be 0 to " + (recording.length - 1) + ", got " + offset);
    }
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1 sample, got " + length);
    }
  }

  /**
   * Copies samples {@code [from, from + dst.length)} of the stream (fewer at its end) into {@code
   * dst}.
   *
   * @return the number of samples copied, 0 at or after the end
   */
  public int read(long from, short[] dst) {
    if (from < 0) {
      throw new IllegalArgumentException("from must be >= 0, got " + from);
    }
    int n = (int) Math.max(0, Math.min(dst.length, length - from));
    int copied = 0;
    while (copied < n) {
      int pos = (int) ((offset + from + copied) % recording.length);
      int run = Math.min(n - copied, recording.length - pos);
      System.arraycopy(recording, pos, dst, copied, run);
      copied += run;
    }
    return n;
  }
}
