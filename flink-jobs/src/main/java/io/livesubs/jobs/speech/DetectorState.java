package io.livesubs.jobs.speech;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link SpeechDetector} keeps in keyed state for one stream: everything needed to continue
 * exactly where it stopped, after a restore included. Public only because Flink serializes it as a
 * POJO (Java record); nothing outside the speech package should hold one. Immutable by convention
 * (the arrays are not copied and must not be modified).
 *
 * @param segmenter the {@code SegmenterSnapshot} bytes: VAD recurrent state, pending window and
 *     hysteresis state
 * @param audioStart first retained sample
 * @param audio retained samples from {@code audioStart}; silence follows up to {@code audioEnd}
 * @param audioEnd the stream position (next sample expected)
 * @param inSegment whether a speech segment is open (its START was emitted)
 * @param segmentStart first sample of the open segment
 * @param emittedUpTo samples of the open segment before this were emitted as AUDIO
 */
public record DetectorState(
    byte[] segmenter,
    long audioStart,
    short[] audio,
    long audioEnd,
    boolean inSegment,
    long segmentStart,
    long emittedUpTo) {

  @Override
  public boolean equals(Object o) {
    return o instanceof DetectorState s
        && audioStart == s.audioStart
        && audioEnd == s.audioEnd
        && inSegment == s.inSegment
        && segmentStart == s.segmentStart
        && emittedUpTo == s.emittedUpTo
        && Arrays.equals(segmenter, s.segmenter)
        && Arrays.equals(audio, s.audio);
  }

  @Override
  public int hashCode() {
    return Objects.hash(audioStart, audioEnd, inSegment, segmentStart, emittedUpTo)
        + 31 * Arrays.hashCode(segmenter);
  }

  @Override
  public String toString() {
    return "DetectorState[audio="
        + audioStart
        + ".."
        + audioEnd
        + ", inSegment="
        + inSegment
        + ", segmentStart="
        + segmentStart
        + ", emittedUpTo="
        + emittedUpTo
        + "]";
  }
}
