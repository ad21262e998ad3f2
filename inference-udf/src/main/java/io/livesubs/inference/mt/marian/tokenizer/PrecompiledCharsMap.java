package io.livesubs.inference.mt.marian.tokenizer;

/**
 * The character rewriting rules of a SentencePiece normaliser, as compiled into the model ({@code
 * NormalizerSpec.precompiled_charsmap}): a darts-clone double-array trie over UTF-8 byte strings
 * whose values are offsets of NUL-terminated replacements in a string pool. Layout: a little-endian
 * uint32 with the trie's size in bytes, the trie's 32-bit units, then the pool.
 *
 * <p>Immutable and thread-safe.
 */
final class PrecompiledCharsMap {
  /** A map without rules (an identity normaliser). */
  static final PrecompiledCharsMap EMPTY = new PrecompiledCharsMap(new int[0], new byte[0]);

  private final int[] units;
  private final byte[] pool;

  private PrecompiledCharsMap(int[] units, byte[] pool) {
    this.units = units;
    this.pool = pool;
  }

  /**
   * Splits a compiled map into trie and pool; an empty blob gives {@link #EMPTY}.
   *
   * @throws IllegalArgumentException if the blob is truncated
   */
  static PrecompiledCharsMap parse(byte[] blob) {
    if (blob.length == 0) {
      return EMPTY;
    }
    if (blob.length < 4) {
      throw new IllegalArgumentException("precompiled_charsmap is truncated");
    }
    long trieBytes = readUint32(blob, 0);
    if (trieBytes % 4 != 0 || trieBytes > blob.length - 4L) {
      throw new IllegalArgumentException(
          "precompiled_charsmap: trie size "
              + trieBytes
              + " does not fit "
              + blob.length
              + " bytes");
    }
    int[] units = new int[(int) (trieBytes / 4)];
    for (int i = 0; i < units.length; i++) {
      units[i] = (int) readUint32(blob, 4 + 4 * i);
    }
    int poolStart = 4 + (int) trieBytes;
    byte[] pool = new byte[blob.length - poolStart];
    System.arraycopy(blob, poolStart, pool, 0, pool.length);
    return new PrecompiledCharsMap(units, pool);
  }

  /**
   * Finds the longest rule whose key is a prefix of {@code input[from, end)}.
   *
   * @param matchOut receives the replacement's pool offset in element 0 when a rule matches
   * @return the matched key's length in bytes, 0 when no rule matches
   */
  int longestMatch(byte[] input, int from, int end, int[] matchOut) {
    if (units.length == 0) {
      return 0;
    }
    int best = 0;
    int node = offset(units[0]);
    for (int i = from; i < end; i++) {
      int label = input[i] & 0xff;
      node ^= label;
      if (node >= units.length || label(units[node]) != label) {
        break;
      }
      int unit = units[node];
      node ^= offset(unit);
      if (hasLeaf(unit) && node < units.length) {
        best = i - from + 1;
        matchOut[0] = value(units[node]);
      }
    }
    return best;
  }

  /** The replacement starting at {@code offset} in the pool, as UTF-8 bytes. */
  byte[] replacement(int offset) {
    if (offset < 0 || offset >= pool.length) {
      throw new IllegalArgumentException("precompiled_charsmap: bad replacement offset " + offset);
    }
    int end = offset;
    while (end < pool.length && pool[end] != 0) {
      end++;
    }
    byte[] out = new byte[end - offset];
    System.arraycopy(pool, offset, out, 0, out.length);
    return out;
  }

  @Override
  public String toString() {
    return "PrecompiledCharsMap(" + units.length + " trie units, " + pool.length + " pool bytes)";
  }

  // Unit encoding of darts-clone: bit 8 flags a leaf child, bits 0-7 (plus bit 31 for value
  // units, so that they never match a byte) hold the label, bits 10-31 the offset to the
  // children, scaled by 256 when bit 9 is set; value units keep the value in bits 0-30.

  private static boolean hasLeaf(int unit) {
    return ((unit >>> 8) & 1) == 1;
  }

  private static int value(int unit) {
    return unit & 0x7fffffff;
  }

  private static int label(int unit) {
    return unit & (0x80000000 | 0xff);
  }

  private static int offset(int unit) {
    return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
  }

  private static long readUint32(byte[] b, int at) {
    return (b[at] & 0xffL)
        | (b[at + 1] & 0xffL) << 8
        | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24;
  }
}
