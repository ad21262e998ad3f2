package io.livesubs.inference.mt.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The string operations sacreBLEU relies on, with Python's semantics: {@code str.split()} and
 * {@code str.rstrip()} treat exactly the characters of {@code str.isspace()} as whitespace, which
 * is neither Java's {@link Character#isWhitespace} (no no-break spaces) nor {@code \s}. Strings are
 * sequences of code points, as in Python. Stateless and thread-safe.
 */
final class PythonText {
  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D)
        || (cp >= 0x1C && cp <= 0x20)
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Python's {@code s.split()}: the runs of non-whitespace, in order. */
  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          words.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      words.add(s.substring(start));
    }
    return words;
  }

  /** Python's {@code s.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Python's {@code ''.join(s.split())}: {@code s} without any whitespace, as code points. */
  static int[] codePointsWithoutSpace(String s) {
    return s.codePoints().filter(cp -> !isSpace(cp)).toArray();
  }
}
