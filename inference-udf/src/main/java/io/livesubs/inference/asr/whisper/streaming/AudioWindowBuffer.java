package io.livesubs.inference.asr.whisper.streaming;

import java.util.Objects;

/**
 * The audio of an open segment from the current buffer start on, as floats in [-1, 1) (16-bit PCM
 * divided by 32768, as Whisper reads audio). Positions are sample counts from the segment start;
 * {@link #trimTo} drops audio before a position, keeping memory bounded by the buffer length.
 *
 * <p>Mutable; owned by one session (not thread-safe).
 */
public final class AudioWindowBuffer {
  private float[] data = new float[16_000];
  private int head;
  private int size;
  private long startSample;

  /** Position (samples from segment start) of the first buffered sample. */
  public long startSample() {
    return startSample;
  }

  /** Position just after the last buffered sample: every sample ever appended. */
  public long endSample() {
    return startSample + size;
  }

  /** Appends 16-bit samples. */
  public void append(short[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    ensureRoom(length);
    int at = head + size;
    for (int i = 0; i < length; i++) {
      data[at + i] = samples[offset + i] / 32768f;
    }
    size += length;
  }

  /**
   * Drops the audio before {@code sample}.
   *
   * @throws IllegalArgumentException if {@code sample} is outside the buffer
   */
  public void trimTo(long sample) {
    if (sample < startSample || sample > endSample()) {
      throw new IllegalArgumentException(
          "trim point " + sample + " outside the buffer " + startSample + ".." + endSample());
    }
    int drop = (int) (sample - startSample);
    head += drop;
    size -= drop;
    startSample = sample;
  }

  /** The backing array; valid until the next {@link #append}. Read with {@link #offsetOf}. */
  public float[] array() {
    return data;
  }

  /**
   * Index in {@link #array()} of the sample at {@code position}.
   *
   * @throws IllegalArgumentException if {@code position} is outside the buffer
   */
  public int offsetOf(long position) {
    if (position < startSample || position > endSample()) {
      throw new IllegalArgumentException(
          "position " + position + " outside the buffer " + startSample + ".." + endSample());
    }
    return head + (int) (position - startSample);
  }

  private void ensureRoom(int extra) {
    if (head + size + extra <= data.length) {
      return;
    }
    // Compacting first reuses the space trimmed off the front; the array grows only when the
    // buffered audio itself needs it.
    float[] target =
        size + extra <= data.length ? data : new float[Math.max(size + extra, data.length * 2)];
    System.arraycopy(data, head, target, 0, size);
    data = target;
    head = 0;
  }
}
