package io.livesubs.inference.asr.whisper.decoding;

/**
 * Whisper's reference timestamp rules ({@code ApplyTimestampRules}), which keep the timestamp
 * tokens of a decode well formed:
 *
 * <ul>
 *   <li>{@code <|notimestamps|>} is never sampled;
 *   <li>timestamps come in pairs (segment end, next segment start), except right before {@code
 *       <|endoftext|>}: after a timestamp that follows text, only a timestamp or the end may come;
 *       after two timestamps, only text;
 *   <li>timestamps never decrease, and a new segment cannot start where its previous one started
 *       (every segment has non-zero length);
 *   <li>the first sampled token is a timestamp, at most {@code maxInitialTimestamp} into the
 *       window;
 *   <li>when the summed probability of all timestamps beats the most likely text token, a timestamp
 *       is forced.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampRulesFilter implements LogitFilter {
  private final int timestampBegin;
  private final int endOfText;
  private final int noTimestamps;
  private final int maxInitialIndex;

  /**
   * @param timestampBegin the id of {@code <|0.00|>}
   * @param endOfText the id of {@code <|endoftext|>}
   * @param noTimestamps the id of {@code <|notimestamps|>}
   * @param maxInitialIndex the latest allowed first timestamp, in 0.02 s steps after {@code
   *     <|0.00|>} (50 = 1.0 s, the reference default); negative for no limit
   */
  public TimestampRulesFilter(
      int timestampBegin, int endOfText, int noTimestamps, int maxInitialIndex) {
    if (endOfText >= timestampBegin || noTimestamps >= timestampBegin) {
      throw new IllegalArgumentException(
          "timestamps must follow the other special tokens: begin "
              + timestampBegin
              + ", endoftext "
              + endOfText
              + ", notimestamps "
              + noTimestamps);
    }
    this.timestampBegin = timestampBegin;
    this.endOfText = endOfText;
    this.noTimestamps = noTimestamps;
    this.maxInitialIndex = maxInitialIndex;
  }

  @Override
  public void apply(float[] logits, int[] sampled, int count) {
    int vocab = logits.length;
    logits[noTimestamps] = Float.NEGATIVE_INFINITY;

    boolean lastWasTimestamp = count >= 1 && sampled[count - 1] >= timestampBegin;
    boolean penultimateWasTimestamp = count < 2 || sampled[count - 2] >= timestampBegin;
    if (lastWasTimestamp) {
      if (penultimateWasTimestamp) {
        mask(logits, timestampBegin, vocab);
      } else {
        mask(logits, 0, endOfText);
      }
    }

    int lastTimestamp = -1;
    for (int i = count - 1; i >= 0; i--) {
      if (sampled[i] >= timestampBegin) {
        lastTimestamp = sampled[i];
        break;
      }
    }
    if (lastTimestamp >= 0) {
      // Right after a segment's end the next start may equal it; otherwise time must advance, so
      // no segment can have zero length (which would let the decoder loop in place).
      int firstAllowed =
          lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
      mask(logits, timestampBegin, Math.min(firstAllowed, vocab));
    }

    if (count == 0) {
      mask(logits, 0, timestampBegin);
      if (maxInitialIndex >= 0) {
        mask(logits, Math.min(timestampBegin + maxInitialIndex + 1, vocab), vocab);
      }
    }

    double all = LogMath.logSumExp(logits, 0, vocab);
    double timestampLogProb = LogMath.logSumExp(logits, timestampBegin, vocab) - all;
    double bestTextLogProb = LogMath.max(logits, 0, timestampBegin) - all;
    if (timestampLogProb > bestTextLogProb) {
      mask(logits, 0, timestampBegin);
    }
  }

  private static void mask(float[] logits, int from, int to) {
    for (int i = from; i < to; i++) {
      logits[i] = Float.NEGATIVE_INFINITY;
    }
  }
}
