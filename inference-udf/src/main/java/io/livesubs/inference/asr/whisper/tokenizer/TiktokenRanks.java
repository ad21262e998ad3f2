package io.livesubs.inference.asr.whisper.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * The mergeable ranks of a byte-level BPE vocabulary in tiktoken's file format: one {@code <base64
 * token bytes> <rank>} per line, ranks {@code 0..n-1}, each used once. A token's rank is also its
 * id.
 *
 * <p>Lookups by byte range allocate nothing (an open-addressing table over one packed byte array),
 * because BPE looks up every candidate pair of every word. Immutable and thread-safe.
 */
public final class TiktokenRanks {
  private final byte[] packed;
  private final int[] start;
  private final int[] table;
  private final int mask;

  private TiktokenRanks(byte[][] tokens) {
    int total = 0;
    for (byte[] token : tokens) {
      total += token.length;
    }
    packed = new byte[total];
    start = new int[tokens.length + 1];
    for (int r = 0; r < tokens.length; r++) {
      System.arraycopy(tokens[r], 0, packed, start[r], tokens[r].length);
      start[r + 1] = start[r] + tokens[r].length;
    }
    int capacity = Integer.highestOneBit(Math.max(2, tokens.length) * 2) * 2;
    table = new int[capacity];
    mask = capacity - 1;
  }

  /**
   * Reads a {@code .tiktoken} ranks file.
   *
   * @throws IOException if unreadable, or a line is malformed, or ranks are not {@code 0..n-1} each
   *     once, or two ranks share the same bytes
   */
  public static TiktokenRanks load(Path file) throws IOException {
    byte[][] tokens = new byte[1 << 16][];
    int count = 0;
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split(" ");
        int rank;
        byte[] bytes;
        try {
          if (parts.length != 2) {
            throw new IllegalArgumentException("expected '<base64> <rank>'");
          }
          // Whisper's multilingual file gives rank 50256 the empty token, written "=".
          bytes = parts[0].equals("=") ? new byte[0] : Base64.getDecoder().decode(parts[0]);
          rank = Integer.parseInt(parts[1]);
        } catch (IllegalArgumentException e) {
          throw new IOException(
              file + ":" + lineNo + ": bad ranks line '" + line + "': " + e.getMessage(), e);
        }
        if (rank < 0) {
          throw new IOException(file + ":" + lineNo + ": negative rank " + rank);
        }
        if (rank >= tokens.length) {
          tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, rank + 1));
        }
        if (tokens[rank] != null) {
          throw new IOException(file + ":" + lineNo + ": rank " + rank + " appears twice");
        }
        tokens[rank] = bytes;
        count++;
      }
    }
    for (int r = 0; r < count; r++) {
      if (tokens[r] == null) {
        throw new IOException(
            file + ": ranks are not contiguous: " + r + " is missing of " + count);
      }
    }
    TiktokenRanks ranks = new TiktokenRanks(Arrays.copyOf(tokens, count));
    for (int r = 0; r < count; r++) {
      if (!ranks.insert(r)) {
        throw new IOException(file + ": rank " + r + " repeats the bytes of an earlier rank");
      }
    }
    return ranks;
  }

  /** The number of ranks; special tokens are numbered from here on. */
  public int size() {
    return start.length - 1;
  }

  /** The rank of the bytes {@code buf[from, to)}, or -1 if they are not a token. */
  public int rank(byte[] buf, int from, int to) {
    int h = hash(buf, from, to) & mask;
    while (true) {
      int slot = table[h];
      if (slot == 0) {
        return -1;
      }
      int r = slot - 1;
      if (Arrays.equals(packed, start[r], start[r + 1], buf, from, to)) {
        return r;
      }
      h = (h + 1) & mask;
    }
  }

  /** A copy of the bytes of token {@code rank}. */
  public byte[] bytes(int rank) {
    return Arrays.copyOfRange(packed, start[rank], start[rank + 1]);
  }

  /** Appends the bytes of token {@code rank} to {@code out} at {@code pos}; returns the new end. */
  int copyBytes(int rank, byte[] out, int pos) {
    int len = start[rank + 1] - start[rank];
    System.arraycopy(packed, start[rank], out, pos, len);
    return pos + len;
  }

  /** The byte length of token {@code rank}. */
  int length(int rank) {
    return start[rank + 1] - start[rank];
  }

  private boolean insert(int r) {
    if (rank(packed, start[r], start[r + 1]) >= 0) {
      return false;
    }
    int h = hash(packed, start[r], start[r + 1]) & mask;
    while (table[h] != 0) {
      h = (h + 1) & mask;
    }
    table[h] = r + 1;
    return true;
  }

  // FNV-1a: cheap and spreads short byte strings well.
  private static int hash(byte[] buf, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ (buf[i] & 0xff)) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
