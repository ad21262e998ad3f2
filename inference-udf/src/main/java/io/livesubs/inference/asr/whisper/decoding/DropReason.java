package io.livesubs.inference.asr.whisper.decoding;

/** Why a decoded window's text was dropped, or {@link #KEPT}. */
public enum DropReason {
  /** Not dropped. */
  KEPT,
  /** Nothing but whitespace was decoded. */
  EMPTY,
  /** The no-speech probability was high and the text unconvincing (reference rule). */
  NO_SPEECH,
  /** The average log probability was below the minimum (the text is likely made up). */
  LOW_CONFIDENCE,
  /** The text compressed too well: it repeats itself. */
  REPETITIVE
}
