package io.livesubs.inference.eval;

/**
 * Spells non-negative integers as English words ("1813" → "one thousand eight hundred thirteen"),
 * without "and" or hyphens, as speech recognisers write them. Stateless.
 */
public final class NumberWords {
  /** The largest number spelled; larger ones are spelled digit by digit. */
  public static final long MAX = 999_999_999_999L;

  private static final String[] ONES = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen"
  };
  private static final String[] TENS = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
  };
  private static final String[] SCALES = {"", "thousand", "million", "billion"};

  private NumberWords() {}

  /**
   * Cardinal words for {@code n}.
   *
   * @throws IllegalArgumentException if {@code n} is negative or above {@link #MAX}
   */
  public static String cardinal(long n) {
    if (n < 0 || n > MAX) {
      throw new IllegalArgumentException("Can spell 0.." + MAX + ", not " + n);
    }
    if (n == 0) {
      return ONES[0];
    }
    StringBuilder out = new StringBuilder();
    long scale = 1_000_000_000L;
    for (int s = SCALES.length - 1; s >= 0; s--, scale /= 1000) {
      int group = (int) (n / scale % 1000);
      if (group > 0) {
        appendBelowThousand(out, group);
        if (!SCALES[s].isEmpty()) {
          out.append(' ').append(SCALES[s]);
        }
      }
    }
    return out.toString();
  }

  /** Ordinal words for {@code n} ("21" → "twenty first"). */
  public static String ordinal(long n) {
    String cardinal = cardinal(n);
    int cut = cardinal.lastIndexOf(' ') + 1;
    return cardinal.substring(0, cut) + ordinalWord(cardinal.substring(cut));
  }

  /** Each digit of {@code digits} as a word ("007" → "zero zero seven"). */
  public static String digits(CharSequence digits) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("Not a digit: '" + c + "'");
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(ONES[c - '0']);
    }
    return out.toString();
  }

  private static void appendBelowThousand(StringBuilder out, int n) {
    if (out.length() > 0) {
      out.append(' ');
    }
    if (n >= 100) {
      out.append(ONES[n / 100]).append(" hundred");
      n %= 100;
      if (n == 0) {
        return;
      }
      out.append(' ');
    }
    if (n < 20) {
      out.append(ONES[n]);
    } else {
      out.append(TENS[n / 10]);
      if (n % 10 != 0) {
        out.append(' ').append(ONES[n % 10]);
      }
    }
  }

  private static String ordinalWord(String word) {
    return switch (word) {
      case "one" -> "first";
      case "two" -> "second";
      case "three" -> "third";
      case "five" -> "fifth";
      case "eight" -> "eighth";
      case "nine" -> "ninth";
      case "twelve" -> "twelfth";
      default -> word.endsWith("y") ? word.substring(0, word.length() - 1) + "ieth" : word + "th";
    };
  }
}
