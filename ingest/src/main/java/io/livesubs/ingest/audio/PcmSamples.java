package io.livesubs.ingest.audio;

/**
 * Pure sample conversions between normalised float samples ({@code [-1, 1)}) and signed 16-bit PCM,
 * and channel downmixing. Stateless and thread-safe.
 */
public final class PcmSamples {

  private static final float S16_SCALE = 32768f;

  private PcmSamples() {}

  /**
   * Averages the channels of {@code frames} interleaved frames of {@code in} into {@code out}
   * (mono), so a full-scale signal on every channel stays full scale.
   */
  public static void downmix(float[] in, int frames, int channels, float[] out) {
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, was " + channels);
    }
    if (channels == 1) {
      System.arraycopy(in, 0, out, 0, frames);
      return;
    }
    float scale = 1f / channels;
    for (int f = 0, i = 0; f < frames; f++) {
      float sum = 0f;
      for (int c = 0; c < channels; c++) {
        sum += in[i++];
      }
      out[f] = sum * scale;
    }
  }

  /**
   * Converts a float sample to signed 16-bit, rounding to nearest and clipping to the 16-bit range
   * (so overs and {@code +1.0} become 32767, not a wrapped negative value). NaN becomes 0.
   */
  public static short toS16(float sample) {
    float scaled = sample * S16_SCALE;
    if (scaled >= Short.MAX_VALUE) {
      return Short.MAX_VALUE;
    }
    if (scaled <= Short.MIN_VALUE) {
      return Short.MIN_VALUE;
    }
    // Math.round maps NaN to 0, which is the safest value for a corrupt sample.
    return (short) Math.round(scaled);
  }

  /** Converts {@code len} float samples to signed 16-bit with {@link #toS16(float)}. */
  public static void toS16(float[] in, int off, int len, short[] out, int outOff) {
    for (int i = 0; i < len; i++) {
      out[outOff + i] = toS16(in[off + i]);
    }
  }

  /** Converts a signed 16-bit sample to a float in {@code [-1, 1)}; exact, and inverse of toS16. */
  public static float toFloat(short sample) {
    return sample / S16_SCALE;
  }

  /** Writes {@code len} samples as little-endian bytes into {@code out} at {@code outOff}. */
  public static void toLittleEndian(short[] in, int off, int len, byte[] out, int outOff) {
    for (int i = 0; i < len; i++) {
      short s = in[off + i];
      out[outOff + 2 * i] = (byte) s;
      out[outOff + 2 * i + 1] = (byte) (s >> 8);
    }
  }

  /** Reads {@code samples} little-endian 16-bit samples from {@code in} at {@code off}. */
  public static void fromLittleEndian(byte[] in, int off, int samples, short[] out, int outOff) {
    for (int i = 0; i < samples; i++) {
      out[outOff + i] = (short) ((in[off + 2 * i] & 0xff) | (in[off + 2 * i + 1] << 8));
    }
  }
}
