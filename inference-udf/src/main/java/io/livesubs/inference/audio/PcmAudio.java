package io.livesubs.inference.audio;

import java.util.Objects;

/**
 * Signed 16-bit PCM audio: interleaved samples with their sample rate and channel count. Immutable
 * by convention: the array is not copied (it may be large), and callers must not modify it after
 * construction.
 *
 * @param sampleRate samples per second per channel
 * @param channels channel count (1 = mono)
 * @param samples interleaved samples
 */
public record PcmAudio(int sampleRate, int channels, short[] samples) {
  /** Validates the components. */
  public PcmAudio {
    Objects.requireNonNull(samples, "samples");
    if (sampleRate <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "sampleRate and channels must be > 0, were " + sampleRate + ", " + channels);
    }
    if (samples.length % channels != 0) {
      throw new IllegalArgumentException("sample count is not a multiple of the channel count");
    }
  }

  /** Duration in seconds. */
  public double seconds() {
    return (double) samples.length / channels / sampleRate;
  }
}
