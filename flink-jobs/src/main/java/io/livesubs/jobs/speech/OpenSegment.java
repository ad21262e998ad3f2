package io.livesubs.jobs.speech;

/**
 * What {@link SpeechRecognizer} keeps in keyed state about a stream's open speech segment, next to
 * the segment's audio. Public only because Flink serializes it as a POJO (Java record); nothing
 * outside the speech package should hold one. Immutable.
 *
 * @param startSample first sample of the segment
 * @param sampleRate samples per second
 * @param languageHint the stream's language hint, or {@code null}
 * @param recognised whether the engine recognises the segment; false when it cannot handle the
 *     stream's language, and then no audio is kept
 * @param samplesFed samples of the segment fed to the recogniser so far
 */
public record OpenSegment(
    long startSample, int sampleRate, String languageHint, boolean recognised, long samplesFed) {

  /** This segment after {@code samples} more samples. */
  OpenSegment fed(long samples) {
    return new OpenSegment(startSample, sampleRate, languageHint, recognised, samplesFed + samples);
  }

  /** Media time of the segment's start, ms. */
  long startMs() {
    return startSample * 1000 / sampleRate;
  }

  /** Media time just after the samples fed so far, ms. */
  long fedEndMs() {
    return (startSample + samplesFed) * 1000 / sampleRate;
  }
}
