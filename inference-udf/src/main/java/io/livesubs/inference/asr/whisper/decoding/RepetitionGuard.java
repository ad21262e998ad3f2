package io.livesubs.inference.asr.whisper.decoding;

/**
 * Detects a decoder stuck in a loop: the same pattern of 1 to {@code maxNgram} tokens repeated at
 * least {@code minRepeats} times back to back at the end of a token sequence. Looping output
 * ("thank you thank you thank you ...") is what Whisper produces most often over music, noise or
 * silence; stopping as soon as the loop shows and keeping one occurrence of the pattern turns it
 * into one line instead of many.
 *
 * <p>Immutable and thread-safe.
 */
public final class RepetitionGuard {
  private final int maxNgram;
  private final int minRepeats;

  /**
   * @param maxNgram longest pattern looked for, in tokens (>= 1)
   * @param minRepeats back-to-back occurrences that count as a loop (>= 2)
   */
  public RepetitionGuard(int maxNgram, int minRepeats) {
    if (maxNgram < 1) {
      throw new IllegalArgumentException("maxNgram must be >= 1, was " + maxNgram);
    }
    if (minRepeats < 2) {
      throw new IllegalArgumentException("minRepeats must be >= 2, was " + minRepeats);
    }
    this.maxNgram = maxNgram;
    this.minRepeats = minRepeats;
  }

  /**
   * Checks whether {@code tokens[0..count)} ends in a loop.
   *
   * @return the number of tokens to keep, which ends after the loop's first occurrence, or -1 when
   *     the sequence does not end in a loop. The shortest looping pattern wins.
   */
  public int keepLength(int[] tokens, int count) {
    for (int n = 1; n <= maxNgram; n++) {
      int span = n * minRepeats;
      if (span > count) {
        return -1;
      }
      int from = count - span;
      boolean periodic = true;
      for (int i = from; i + n < count && periodic; i++) {
        periodic = tokens[i] == tokens[i + n];
      }
      if (periodic) {
        return from + n;
      }
    }
    return -1;
  }
}
