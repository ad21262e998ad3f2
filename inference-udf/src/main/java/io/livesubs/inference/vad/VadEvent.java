package io.livesubs.inference.vad;

/**
 * A speech boundary found by {@link SpeechSegmenter}, in absolute stream sample offsets (16 kHz).
 * Immutable. Events of one stream come in order: start, end, start, end, ...
 */
public sealed interface VadEvent permits SpeechStart, SpeechEnd {
  /** The sample offset the event refers to (segment start, or segment end). */
  long sample();
}
