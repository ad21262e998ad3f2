package io.livesubs.inference.asr.whisper.decoding;

/**
 * The tokens a row feeds before sampling, with the index of {@code <|startoftranscript|>}. A {@link
 * RowDecoder#DETECT_LANGUAGE} entry right after it is replaced by the detected language.
 * Package-private; the array is owned by the row that feeds it.
 */
record ForcedPrefix(int[] tokens, int sotIndex, String language) {}
