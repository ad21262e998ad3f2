package io.livesubs.inference.asr.whisper.model;

/**
 * The decoder over one encoded batch, advancing all rows together by one token per {@link #step}
 * call (rows feed their own tokens; prompts of different lengths are fed token by token, so every
 * row always has the same number of past positions and no padding or mask is needed). Keeps the
 * key/value cache between steps.
 *
 * <p>Owned by one thread; not thread-safe. {@link #close()} releases the cache and is idempotent.
 */
public interface DecoderBatch extends AutoCloseable {

  /** Number of rows. */
  int size();

  /** Tokens fed so far per row (the decoder position of the next token). */
  int position();

  /**
   * Feeds one token per row and returns each row's logits for the following token.
   *
   * @param tokens one token id per row ({@code tokens.length == size()})
   * @return {@code size()} arrays of {@code config().vocabSize()} logits, freshly allocated
   * @throws IllegalStateException if closed or if the text context ({@code config().textContext()})
   *     is exhausted
   */
  float[][] step(int[] tokens);

  @Override
  void close();
}
