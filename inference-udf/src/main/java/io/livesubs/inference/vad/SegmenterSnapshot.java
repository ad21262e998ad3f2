package io.livesubs.inference.vad;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The complete state of a {@link SpeechSegmenter} as a plain value: model state, the samples of the
 * not yet complete window, and the hysteresis state. Restoring it into a segmenter with the same
 * {@link VadConfig} continues exactly as the original would have (bit-exact). Immutable (the
 * pending samples are copied in and out); {@link #toBytes()} / {@link #fromBytes(byte[])} give a
 * stable, versioned binary form for Flink keyed state.
 *
 * @param vadState the model state and context
 * @param windowStart absolute offset of the first pending sample (start of the next window)
 * @param pendingSamples samples of the incomplete next window (0..511)
 * @param phase the hysteresis phase
 * @param candidateStart start of pending speech, or -1
 * @param segmentStart start of the open segment, or -1
 * @param lastVoicedEnd end of the last voiced window, or -1
 * @param silenceStart start of the current silent run, or -1
 * @param previousEnd end of the last reported segment (the stream start before any)
 */
public record SegmenterSnapshot(
    VadState vadState,
    long windowStart,
    float[] pendingSamples,
    SpeechPhase phase,
    long candidateStart,
    long segmentStart,
    long lastVoicedEnd,
    long silenceStart,
    long previousEnd) {

  private static final byte FORMAT_VERSION = 1;

  /** Validates and copies the components. */
  public SegmenterSnapshot {
    Objects.requireNonNull(vadState, "vadState");
    Objects.requireNonNull(phase, "phase");
    if (pendingSamples == null || pendingSamples.length >= SileroVad.WINDOW_SIZE) {
      throw new IllegalArgumentException(
          "pendingSamples must hold fewer than " + SileroVad.WINDOW_SIZE + " samples");
    }
    pendingSamples = pendingSamples.clone();
  }

  /** A copy of the pending samples. */
  @Override
  public float[] pendingSamples() {
    return pendingSamples.clone();
  }

  /** Stable binary form (format version 1). */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1_600);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT_VERSION);
      writeFloats(out, vadState.rnnStateView());
      writeFloats(out, vadState.contextView());
      out.writeLong(windowStart);
      out.writeShort(pendingSamples.length);
      writeFloats(out, pendingSamples);
      out.writeByte(phase.ordinal());
      for (long v :
          new long[] {candidateStart, segmentStart, lastVoicedEnd, silenceStart, previousEnd}) {
        out.writeLong(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Parses {@link #toBytes()} output.
   *
   * @throws IllegalArgumentException if the bytes are truncated or of an unknown version
   */
  public static SegmenterSnapshot fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("Unknown segmenter snapshot version " + version);
      }
      VadState state =
          VadState.of(
              readFloats(in, VadState.RNN_STATE_SIZE), readFloats(in, VadState.CONTEXT_SIZE));
      long windowStart = in.readLong();
      float[] pending = readFloats(in, in.readUnsignedShort());
      int phase = in.readUnsignedByte();
      if (phase >= SpeechPhase.values().length) {
        throw new IllegalArgumentException("Unknown speech phase " + phase + " in snapshot");
      }
      SegmenterSnapshot s =
          new SegmenterSnapshot(
              state,
              windowStart,
              pending,
              SpeechPhase.values()[phase],
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              in.readLong());
      if (in.available() != 0) {
        throw new IllegalArgumentException("Trailing bytes after segmenter snapshot");
      }
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("Truncated segmenter snapshot", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmenterSnapshot s
        && vadState.equals(s.vadState)
        && windowStart == s.windowStart
        && Arrays.equals(pendingSamples, s.pendingSamples)
        && phase == s.phase
        && candidateStart == s.candidateStart
        && segmentStart == s.segmentStart
        && lastVoicedEnd == s.lastVoicedEnd
        && silenceStart == s.silenceStart
        && previousEnd == s.previousEnd;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        vadState,
        windowStart,
        Arrays.hashCode(pendingSamples),
        phase,
        candidateStart,
        segmentStart,
        lastVoicedEnd,
        silenceStart,
        previousEnd);
  }

  @Override
  public String toString() {
    return "SegmenterSnapshot[windowStart="
        + windowStart
        + ", pending="
        + pendingSamples.length
        + ", phase="
        + phase
        + ", segmentStart="
        + segmentStart
        + "]";
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    for (float v : values) {
      out.writeInt(Float.floatToRawIntBits(v));
    }
  }

  private static float[] readFloats(DataInputStream in, int n) throws IOException {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = Float.intBitsToFloat(in.readInt());
    }
    return values;
  }

  /** Collects the parts while a segmenter exports itself; not thread-safe. */
  static final class Builder {
    private SpeechPhase phase;
    private long candidateStart;
    private long segmentStart;
    private long lastVoicedEnd;
    private long silenceStart;
    private long previousEnd;

    Builder phase(SpeechPhase v) {
      phase = v;
      return this;
    }

    Builder candidateStart(long v) {
      candidateStart = v;
      return this;
    }

    Builder segmentStart(long v) {
      segmentStart = v;
      return this;
    }

    Builder lastVoicedEnd(long v) {
      lastVoicedEnd = v;
      return this;
    }

    Builder silenceStart(long v) {
      silenceStart = v;
      return this;
    }

    Builder previousEnd(long v) {
      previousEnd = v;
      return this;
    }

    SegmenterSnapshot build(VadState state, long windowStart, float[] pending) {
      return new SegmenterSnapshot(
          state,
          windowStart,
          pending,
          phase,
          candidateStart,
          segmentStart,
          lastVoicedEnd,
          silenceStart,
          previousEnd);
    }
  }
}
