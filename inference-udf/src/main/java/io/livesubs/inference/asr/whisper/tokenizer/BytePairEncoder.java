package io.livesubs.inference.asr.whisper.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE as GPT-2 and Whisper use it (tiktoken semantics): text is split into pieces by the
 * GPT-2 pre-tokenizer pattern, each piece's UTF-8 bytes start as single-byte tokens, and the
 * adjacent pair whose concatenation has the lowest rank is merged (leftmost on ties) until no pair
 * is a token.
 *
 * <p>Immutable and thread-safe: per-call scratch is allocated per piece.
 */
final class BytePairEncoder {
  /** GPT-2's pre-tokenizer pattern; {@code \s} must be Unicode whitespace, as in Python. */
  static final Pattern PIECES =
      Pattern.compile(
          "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
          Pattern.UNICODE_CHARACTER_CLASS);

  private final TiktokenRanks ranks;

  BytePairEncoder(TiktokenRanks ranks) {
    this.ranks = Objects.requireNonNull(ranks, "ranks");
    for (int b = 0; b < 256; b++) {
      if (ranks.rank(new byte[] {(byte) b}, 0, 1) < 0) {
        throw new IllegalArgumentException(
            "not a byte-level vocabulary: byte " + b + " has no rank");
      }
    }
  }

  /** Encodes {@code text} as ordinary text (special-token strings get no special meaning). */
  int[] encode(String text) {
    int[] out = new int[Math.max(16, text.length() / 2)];
    int n = 0;
    Matcher m = PIECES.matcher(text);
    while (m.find()) {
      byte[] piece = text.substring(m.start(), m.end()).getBytes(StandardCharsets.UTF_8);
      if (out.length - n < piece.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, n + piece.length));
      }
      n = encodePiece(piece, out, n);
    }
    return Arrays.copyOf(out, n);
  }

  // Writes the tokens of one piece at out[n..]; returns the new count. out has room for
  // piece.length more tokens (each token covers at least one byte).
  private int encodePiece(byte[] piece, int[] out, int n) {
    int whole = ranks.rank(piece, 0, piece.length);
    if (whole >= 0) {
      out[n] = whole;
      return n + 1;
    }
    // Boundaries of the current tokens: token i is piece[bounds[i], bounds[i + 1]).
    int count = piece.length + 1;
    int[] bounds = new int[count];
    for (int i = 0; i < count; i++) {
      bounds[i] = i;
    }
    // pairRank[i]: rank of tokens i and i + 1 merged, or MAX_VALUE if that is not a token.
    int[] pairRank = new int[count];
    for (int i = 0; i < count; i++) {
      pairRank[i] = pairRank(piece, bounds, count, i);
    }
    while (count > 2) {
      int best = Integer.MAX_VALUE;
      int at = -1;
      for (int i = 0; i < count - 2; i++) {
        if (pairRank[i] < best) {
          best = pairRank[i];
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      System.arraycopy(bounds, at + 2, bounds, at + 1, count - at - 2);
      System.arraycopy(pairRank, at + 2, pairRank, at + 1, count - at - 2);
      count--;
      pairRank[at] = pairRank(piece, bounds, count, at);
      if (at > 0) {
        pairRank[at - 1] = pairRank(piece, bounds, count, at - 1);
      }
    }
    for (int i = 0; i < count - 1; i++) {
      out[n++] = ranks.rank(piece, bounds[i], bounds[i + 1]);
    }
    return n;
  }

  private int pairRank(byte[] piece, int[] bounds, int count, int i) {
    if (i + 2 >= count) {
      return Integer.MAX_VALUE;
    }
    int r = ranks.rank(piece, bounds[i], bounds[i + 2]);
    return r < 0 ? Integer.MAX_VALUE : r;
  }
}
