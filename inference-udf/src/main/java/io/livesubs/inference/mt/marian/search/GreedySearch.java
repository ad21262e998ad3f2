package io.livesubs.inference.mt.marian.search;

import ai.onnxruntime.OrtException;
import io.livesubs.inference.mt.marian.model.StepDecoder;
import java.util.Arrays;

/**
 * Greedy decoding: each row takes its most likely next token until it produces {@code </s>} or
 * reaches the length limit. Finished rows leave the decoder, so a batch gets cheaper as its
 * sentences end. Stateless; the decoder is the caller's.
 */
public final class GreedySearch {
  private GreedySearch() {}

  /**
   * Decodes every row of {@code decoder} (one per sentence).
   *
   * @return per sentence, the generated tokens without {@code </s>}
   */
  public static int[][] run(StepDecoder decoder, SearchSettings settings) throws OrtException {
    int sentences = decoder.rows();
    int[][] tokens = new int[sentences][0];
    // active[r]: the sentence decoder row r belongs to.
    int[] active = new int[sentences];
    for (int s = 0; s < sentences; s++) {
      active[s] = s;
    }
    long[] next = new long[sentences];
    Arrays.fill(next, settings.startId());
    boolean[] banned = null;
    for (int step = 0; step < settings.maxNewTokens() && active.length > 0; step++) {
      float[] logits = decoder.step(next);
      int vocab = logits.length / active.length;
      if (banned == null) {
        banned = settings.bannedMask(vocab);
      }
      int[] keep = new int[active.length];
      int kept = 0;
      for (int r = 0; r < active.length; r++) {
        int token = LogitMath.argmax(logits, r * vocab, vocab, banned);
        if (token == settings.eosId()) {
          continue;
        }
        int s = active[r];
        tokens[s] = Arrays.copyOf(tokens[s], tokens[s].length + 1);
        tokens[s][tokens[s].length - 1] = token;
        keep[kept++] = r;
      }
      keep = Arrays.copyOf(keep, kept);
      int[] stillActive = new int[kept];
      next = new long[kept];
      for (int i = 0; i < kept; i++) {
        stillActive[i] = active[keep[i]];
        int[] row = tokens[stillActive[i]];
        next[i] = row[row.length - 1];
      }
      if (kept > 0 && step + 1 < settings.maxNewTokens()) {
        decoder.keepRows(keep);
      }
      active = stillActive;
    }
    return tokens;
  }
}
