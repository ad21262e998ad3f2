package io.livesubs.ingest.audio;

/**
 * The audio format a WAV file declares, as {@link WavReader} understood it. Immutable.
 *
 * @param sampleRate frames per second, positive
 * @param channels interleaved channels per frame, positive
 * @param encoding how each sample is stored
 * @param formatTag the WAVE format tag after resolving {@code WAVE_FORMAT_EXTENSIBLE} (1 = integer
 *     PCM, 3 = IEEE float)
 * @param extensible whether the file used {@code WAVE_FORMAT_EXTENSIBLE}
 */
public record WavFormat(
    int sampleRate, int channels, SampleEncoding encoding, int formatTag, boolean extensible) {

  /** Validates the values. */
  public WavFormat {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
    }
    if (channels <= 0) {
      throw new IllegalArgumentException("channel count must be positive, was " + channels);
    }
  }

  /** Bytes one frame (one sample of every channel) takes in the file. */
  public int frameBytes() {
    return channels * encoding.bytesPerSample();
  }

  @Override
  public String toString() {
    return sampleRate
        + " Hz, "
        + channels
        + " ch, "
        + encoding
        + (extensible ? " (extensible)" : "");
  }
}
