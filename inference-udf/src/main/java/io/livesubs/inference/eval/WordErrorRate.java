package io.livesubs.inference.eval;

import java.util.List;

/**
 * Word error rate by minimum edit distance (Levenshtein over words). Stateless and thread-safe.
 * {@link #compare(String, String)} normalises both texts with {@link TextNormalizer} first.
 */
public final class WordErrorRate {
  private WordErrorRate() {}

  /** Normalises both texts, then counts word edits. */
  public static ErrorCounts compare(String reference, String hypothesis) {
    return compareWords(TextNormalizer.words(reference), TextNormalizer.words(hypothesis));
  }

  /**
   * Counts word edits between already tokenised texts. Among alignments with the fewest edits,
   * substitutions are preferred over a deletion plus an insertion.
   */
  public static ErrorCounts compareWords(List<String> reference, List<String> hypothesis) {
    int n = reference.size();
    int m = hypothesis.size();
    // cost[i][j]: edits turning the first i reference words into the first j hypothesis words.
    int[][] cost = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int diagonal =
            cost[i - 1][j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
        cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
      }
    }
    int subs = 0;
    int dels = 0;
    int ins = 0;
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        boolean same = reference.get(i - 1).equals(hypothesis.get(j - 1));
        if (cost[i][j] == cost[i - 1][j - 1] + (same ? 0 : 1)) {
          subs += same ? 0 : 1;
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
        dels++;
        i--;
      } else {
        ins++;
        j--;
      }
    }
    return new ErrorCounts(subs, dels, ins, n);
  }
}
