package io.livesubs.jobs.speech;

import io.livesubs.inference.asr.Word;

/**
 * One recognised word with its media time span, as carried in a {@link Recognition}. Flink
 * serializes it as a POJO (Java record). Immutable.
 *
 * @param text the word as the engine spells it
 * @param startMs media time of the word's start, ms since stream start
 * @param endMs media time of the word's end, ms since stream start
 * @param confidence the engine's confidence in [0, 1]
 */
public record RecognizedWord(String text, long startMs, long endMs, float confidence) {

  /**
   * The engine's word as it gave it. Engines are deterministic for the same audio (Vosk: its
   * features are not dithered), so the confidence needs no rounding to keep cues run-independent.
   */
  public static RecognizedWord of(Word word) {
    return new RecognizedWord(word.text(), word.startMs(), word.endMs(), word.confidence());
  }
}
