package io.livesubs.inference.mt.marian.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Normalises text the way SentencePiece does before segmentation: character rules from the model's
 * compiled map (for {@code nmt_nfkc}: NFKC, control characters dropped, all kinds of whitespace
 * made a plain space), applied longest match first on UTF-8; then spaces trimmed and collapsed, a
 * space put in front (the dummy prefix), and spaces written as {@code ▁} (U+2581), as the model's
 * {@link NormalizerSpec} asks.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentencePieceNormalizer {
  /** The meta symbol that stands for a space in pieces. */
  public static final String SPACE_SYMBOL = "\u2581";

  private static final byte[] SPACE_SYMBOL_UTF8 = SPACE_SYMBOL.getBytes(StandardCharsets.UTF_8);
  private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};

  private final NormalizerSpec spec;
  private final PrecompiledCharsMap charsMap;

  /**
   * A normaliser for {@code spec}.
   *
   * @throws IllegalArgumentException if the compiled character map is malformed
   */
  public SentencePieceNormalizer(NormalizerSpec spec) {
    this.spec = spec;
    this.charsMap = PrecompiledCharsMap.parse(spec.precompiledCharsMap());
  }

  /** {@code text} normalised; empty when it has nothing but whitespace. */
  public String normalize(String text) {
    byte[] input = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 8);
    int[] match = new int[1];
    int pos = 0;
    if (spec.removeExtraWhitespaces()) {
      while (pos < input.length) {
        int consumed = prefix(input, pos, match);
        if (!isSingleSpace(replacementOf(input, pos, consumed, match))) {
          break;
        }
        pos += consumed;
      }
    }
    if (pos == input.length) {
      return "";
    }
    if (spec.addDummyPrefix()) {
      writeSpace(out);
    }
    boolean prevSpace = spec.removeExtraWhitespaces();
    while (pos < input.length) {
      int consumed = prefix(input, pos, match);
      byte[] piece = replacementOf(input, pos, consumed, match);
      int start = 0;
      while (prevSpace && start < piece.length && piece[start] == ' ') {
        start++;
      }
      if (start < piece.length) {
        for (int i = start; i < piece.length; i++) {
          if (piece[i] == ' ' && spec.escapeWhitespaces()) {
            out.writeBytes(SPACE_SYMBOL_UTF8);
          } else {
            out.write(piece[i]);
          }
        }
        prevSpace = piece[piece.length - 1] == ' ';
      }
      pos += consumed;
      if (!spec.removeExtraWhitespaces()) {
        prevSpace = false;
      }
    }
    String normalized = out.toString(StandardCharsets.UTF_8);
    if (spec.removeExtraWhitespaces()) {
      String space = spec.escapeWhitespaces() ? SPACE_SYMBOL : " ";
      while (normalized.endsWith(space)) {
        normalized = normalized.substring(0, normalized.length() - space.length());
      }
    }
    return normalized;
  }

  /**
   * Length in bytes of the next unit at {@code pos}: the longest rule's key, else one UTF-8
   * character (one byte if malformed). {@code match[0]} is set to the rule's replacement offset, or
   * to -1 when no rule matched.
   */
  private int prefix(byte[] input, int pos, int[] match) {
    int length = charsMap.longestMatch(input, pos, input.length, match);
    if (length > 0) {
      return length;
    }
    match[0] = -1;
    int charLength = utf8Length(input, pos);
    return charLength > 0 ? charLength : 1;
  }

  private byte[] replacementOf(byte[] input, int pos, int consumed, int[] match) {
    if (match[0] >= 0) {
      return charsMap.replacement(match[0]);
    }
    if (utf8Length(input, pos) <= 0) {
      return REPLACEMENT_CHARACTER;
    }
    byte[] same = new byte[consumed];
    System.arraycopy(input, pos, same, 0, consumed);
    return same;
  }

  private static boolean isSingleSpace(byte[] piece) {
    return piece.length == 1 && piece[0] == ' ';
  }

  private void writeSpace(ByteArrayOutputStream out) {
    if (spec.escapeWhitespaces()) {
      out.writeBytes(SPACE_SYMBOL_UTF8);
    } else {
      out.write(' ');
    }
  }

  /** Length of the well-formed UTF-8 character at {@code pos}, or 0 if it is malformed. */
  private static int utf8Length(byte[] b, int pos) {
    int lead = b[pos] & 0xff;
    int length;
    if (lead < 0x80) {
      return 1;
    } else if (lead >= 0xc2 && lead < 0xe0) {
      length = 2;
    } else if (lead >= 0xe0 && lead < 0xf0) {
      length = 3;
    } else if (lead >= 0xf0 && lead < 0xf5) {
      length = 4;
    } else {
      return 0;
    }
    if (pos + length > b.length) {
      return 0;
    }
    for (int i = 1; i < length; i++) {
      if ((b[pos + i] & 0xc0) != 0x80) {
        return 0;
      }
    }
    return length;
  }
}
