package io.livesubs.inference.vad;

/** Where a {@link SpeechSegmenter} stands between windows. */
public enum SpeechPhase {
  /** No speech; waiting for a window at or above the start threshold. */
  SILENCE,
  /** Speech began but has not lasted the minimum speech duration; nothing reported yet. */
  PENDING,
  /** Inside a reported segment ({@link SpeechStart} emitted, {@link SpeechEnd} not yet). */
  SPEECH
}
