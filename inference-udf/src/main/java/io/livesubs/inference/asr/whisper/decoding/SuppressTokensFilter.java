package io.livesubs.inference.asr.whisper.decoding;

import java.util.Arrays;

/**
 * Forbids a fixed set of tokens at every position (the reference decoder's {@code suppress_tokens}:
 * symbols that are not speech, and special tokens that must never be sampled). Immutable.
 */
public final class SuppressTokensFilter implements LogitFilter {
  private final int[] tokens;

  /**
   * @param tokens ids to forbid; duplicates are harmless
   * @throws IllegalArgumentException if an id is negative
   */
  public SuppressTokensFilter(int[] tokens) {
    this.tokens = tokens.clone();
    for (int t : this.tokens) {
      if (t < 0) {
        throw new IllegalArgumentException("token id must be >= 0, was " + t);
      }
    }
  }

  /** The suppressed ids (a copy). */
  public int[] tokens() {
    return tokens.clone();
  }

  @Override
  public void apply(float[] logits, int[] sampled, int count) {
    for (int t : tokens) {
      if (t < logits.length) {
        logits[t] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  @Override
  public String toString() {
    return "SuppressTokens" + Arrays.toString(tokens);
  }
}
