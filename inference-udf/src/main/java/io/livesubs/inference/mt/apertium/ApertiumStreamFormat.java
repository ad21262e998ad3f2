package io.livesubs.inference.mt.apertium;

import java.nio.charset.StandardCharsets;

/**
 * Plain text to and from the Apertium stream format, in place of Apertium's {@code apertium-destxt}
 * / {@code apertium-retxt} deformatters (which do not honour null-flush mode).
 *
 * <p>Input: whitespace runs (line breaks included) become one space, NUL characters are dropped,
 * the characters the stream format reserves are escaped with a backslash, and {@code ~} (which the
 * post-generator would consume as its own marker) is wrapped in a superblank {@code [~]}, as {@code
 * apertium-destxt} does. Each segment ends with a blank before its NUL terminator: the bilingual
 * lookup of lttoolbox 3.7 does not flush a NUL that directly follows a word.
 *
 * <p>Output: escapes are removed, superblanks are unwrapped, and whitespace is collapsed and
 * trimmed (words that Apertium drops leave double spaces behind). Stateless and thread-safe.
 */
final class ApertiumStreamFormat {

  /** Characters lttoolbox reads as stream syntax unless escaped. */
  private static final String RESERVED = "[]{}^$/\\@<>";

  private ApertiumStreamFormat() {}

  /** One segment of pipeline input: the escaped sentence, a blank and the NUL terminator. */
  static byte[] encode(String sentence) {
    StringBuilder out = new StringBuilder(sentence.length() + 8);
    boolean pendingSpace = false;
    for (int i = 0; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if (c == '\0') {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      if (c == '~') {
        out.append("[~]");
      } else {
        if (RESERVED.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    out.append(" \0");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The plain text of one segment of pipeline output (without its NUL terminator). */
  static String decode(byte[] segment) {
    String raw = new String(segment, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(raw.length());
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        c = raw.charAt(++i);
      } else if (c == '[' || c == ']') {
        continue; // superblank delimiters; their content is kept
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
