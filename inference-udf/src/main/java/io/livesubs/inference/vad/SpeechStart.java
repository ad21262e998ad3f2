package io.livesubs.inference.vad;

/**
 * A confirmed speech segment begins at {@code sample} (padding included). It is reported once the
 * speech has lasted {@link VadConfig#minSpeechMs()}, so {@code sample} lies in the past: callers
 * keep audio from {@link SpeechSegmenter#retainFrom()} to replay it.
 *
 * @param sample absolute offset of the first sample of the segment
 */
public record SpeechStart(long sample) implements VadEvent {
  /** Validates the offset. */
  public SpeechStart {
    if (sample < 0) {
      throw new IllegalArgumentException("sample must be >= 0, was " + sample);
    }
  }
}
