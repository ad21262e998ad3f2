package io.livesubs.app.bench;

import io.livesubs.app.demo.CueRevision;

/**
 * Latency of a final cue, measured from the end of its last word: the shaper may keep a cue on
 * screen after the speech (for reading time), and that is no delay, so the cue's own {@code
 * captureTimeMs} (the capture time of the audio at the cue's end) would understate it. Capture time
 * grows with media time one to one, so the capture time of the last word's end is the cue's capture
 * time minus the media time between that word's end and the cue's end. A cue without word times is
 * measured from its end. Stateless and thread-safe.
 */
final class CueLatency {

  private CueLatency() {}

  /** Capture wall-clock time (epoch ms) of the end of the cue's last word. */
  static long lastWordCaptureMs(CueRevision cue) {
    long lastWordEndMs =
        cue.words().stream().mapToLong(CueRevision.Word::endMs).max().orElse(cue.endMs());
    return cue.captureTimeMs() - (cue.endMs() - lastWordEndMs);
  }

  /** Emission time minus {@link #lastWordCaptureMs}: the job's latency for this cue. */
  static long emittedMs(CueRevision cue) {
    return cue.emittedAtMs() - lastWordCaptureMs(cue);
  }
}
