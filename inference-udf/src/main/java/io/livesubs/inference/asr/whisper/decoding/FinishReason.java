package io.livesubs.inference.asr.whisper.decoding;

/** Why a row stopped sampling. */
public enum FinishReason {
  /** It sampled {@code <|endoftext|>}. */
  END_OF_TEXT,
  /** It reached the options' sampled-token limit. */
  MAX_TOKENS,
  /** The decoder's text context is full. */
  CONTEXT_FULL,
  /** A token pattern repeated back to back; the repeats were cut. */
  REPETITION,
  /** It sampled the forced number of tokens ({@link DecodeOptions#forcedSteps()}). */
  FORCED_STEPS,
  /** Every token was masked, so nothing could be sampled. */
  NOTHING_ALLOWED
}
