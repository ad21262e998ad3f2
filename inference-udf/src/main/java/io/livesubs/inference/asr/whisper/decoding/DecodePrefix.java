package io.livesubs.inference.asr.whisper.decoding;

import io.livesubs.inference.asr.whisper.tokenizer.WhisperTask;
import java.util.List;
import java.util.Objects;

/**
 * What a row is told before it samples: optional previous text (fed after {@code <|startofprev|>}),
 * then {@code <|startoftranscript|>}, the language (or a detected one) and the task. Immutable.
 *
 * @param previousTokens text tokens of recent text to condition on (empty for none); only the last
 *     {@code textContext / 2 - 1} are used, as in the reference
 * @param language Whisper language code or name, or null to detect it at the start-of-transcript
 *     position (multilingual models; English-only models always use English)
 * @param task transcribe or translate
 */
public record DecodePrefix(List<Integer> previousTokens, String language, WhisperTask task) {

  /** No previous text, language detected, transcribe. */
  public static final DecodePrefix DETECT =
      new DecodePrefix(List.of(), null, WhisperTask.TRANSCRIBE);

  /** Validates and copies the components. */
  public DecodePrefix {
    previousTokens = List.copyOf(previousTokens);
    Objects.requireNonNull(task, "task");
    if (language != null && language.isBlank()) {
      throw new IllegalArgumentException("language must be null (detect) or non-blank");
    }
  }

  /** No previous text, transcribing in {@code language} (null: detect). */
  public static DecodePrefix transcribe(String language) {
    return new DecodePrefix(List.of(), language, WhisperTask.TRANSCRIBE);
  }

  /** This prefix with {@code tokens} as previous text. */
  public DecodePrefix withPrevious(List<Integer> tokens) {
    return new DecodePrefix(tokens, language, task);
  }
}
