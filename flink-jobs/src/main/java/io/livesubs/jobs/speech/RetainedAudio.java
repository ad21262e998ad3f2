package io.livesubs.jobs.speech;

import java.util.Arrays;

/**
 * The recent audio of one stream, {@code [start, end)} in absolute samples, kept so that speech
 * reported after the fact (a segment start lies in the past, see {@code SpeechSegmenter}) can be
 * replayed. Samples after the stored ones up to {@code end} are silence (missing audio) that is not
 * materialised until real samples follow it, so a gap of an hour costs nothing.
 *
 * <p>Mutable working copy, rebuilt from keyed state for each element and written back; one stream,
 * one thread. {@link #samples()} hands out a fresh array, never the internal one.
 */
final class RetainedAudio {

  private long start;
  private short[] stored;
  private int storedLength;
  private long end;

  private RetainedAudio(long start, short[] stored, long end) {
    if (end < start + stored.length) {
      throw new IllegalArgumentException(
          "retained audio ends at " + end + " before its stored samples do");
    }
    this.start = start;
    this.stored = stored;
    this.storedLength = stored.length;
    this.end = end;
  }

  /** Nothing retained yet; the next sample is {@code position}. */
  static RetainedAudio empty(long position) {
    return new RetainedAudio(position, new short[0], position);
  }

  /** Audio as kept in state: {@code samples} from {@code start}, then silence up to {@code end}. */
  static RetainedAudio of(long start, short[] samples, long end) {
    return new RetainedAudio(start, samples, end);
  }

  /** First retained sample. */
  long start() {
    return start;
  }

  /** One past the last retained sample: the stream position. */
  long end() {
    return end;
  }

  /** A copy of the stored samples (the silent tail excluded), for state. */
  short[] samples() {
    return Arrays.copyOf(stored, storedLength);
  }

  /** Appends {@code length} samples of {@code samples} from {@code offset} at the end. */
  void append(short[] samples, int offset, int length) {
    int tail = (int) (end - start - storedLength);
    ensureCapacity(storedLength + tail + length);
    Arrays.fill(stored, storedLength, storedLength + tail, (short) 0);
    System.arraycopy(samples, offset, stored, storedLength + tail, length);
    storedLength += tail + length;
    end += length;
  }

  /** Appends {@code length} samples of silence at the end. */
  void appendSilence(long length) {
    end += length;
  }

  /**
   * A copy of {@code [from, to)}.
   *
   * @throws IllegalStateException if the range is not retained (a bug in the caller's retention)
   */
  short[] slice(long from, long to) {
    if (from < start || to > end || from > to) {
      throw new IllegalStateException(
          "audio ["
              + from
              + ", "
              + to
              + ") requested, but only ["
              + start
              + ", "
              + end
              + ") is retained");
    }
    short[] out = new short[(int) (to - from)];
    int first = (int) (from - start);
    int available = Math.max(0, Math.min(storedLength - first, out.length));
    if (available > 0) {
      System.arraycopy(stored, first, out, 0, available);
    }
    return out;
  }

  /** Forgets everything before {@code keepFrom} (clamped to the retained range). */
  void dropBefore(long keepFrom) {
    long from = Math.min(Math.max(keepFrom, start), end);
    int drop = (int) (from - start);
    if (drop == 0) {
      return;
    }
    int keep = Math.max(0, storedLength - drop);
    stored = Arrays.copyOfRange(stored, storedLength - keep, storedLength);
    storedLength = keep;
    start = from;
  }

  private void ensureCapacity(int needed) {
    if (needed > stored.length) {
      stored = Arrays.copyOf(stored, Math.max(needed, stored.length * 2));
    }
  }
}
