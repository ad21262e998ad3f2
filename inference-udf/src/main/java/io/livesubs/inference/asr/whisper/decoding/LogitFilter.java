package io.livesubs.inference.asr.whisper.decoding;

/**
 * A rule that masks logits before a token is sampled (sets forbidden tokens to negative infinity).
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every row of every batch.
 */
@FunctionalInterface
public interface LogitFilter {

  /**
   * Masks {@code logits} in place.
   *
   * @param logits one row's logits for the next token, over the whole vocabulary
   * @param sampled the tokens sampled so far in this row (after the forced prefix)
   * @param count how many entries of {@code sampled} are valid; 0 at the first sampled position
   */
  void apply(float[] logits, int[] sampled, int count);
}
