package io.livesubs.inference.asr.whisper.decoding;

/**
 * Forbids a blank start: at the first sampled position only, the space token and {@code
 * <|endoftext|>} are masked, so a window cannot decode to nothing but whitespace (the reference's
 * {@code suppress_blank}). Immutable.
 */
public final class SuppressBlankFilter implements LogitFilter {
  private final int space;
  private final int endOfText;

  /**
   * @param space the id of the single-space text token
   * @param endOfText the id of {@code <|endoftext|>}
   */
  public SuppressBlankFilter(int space, int endOfText) {
    this.space = space;
    this.endOfText = endOfText;
  }

  @Override
  public void apply(float[] logits, int[] sampled, int count) {
    if (count == 0) {
      logits[space] = Float.NEGATIVE_INFINITY;
      logits[endOfText] = Float.NEGATIVE_INFINITY;
    }
  }
}
