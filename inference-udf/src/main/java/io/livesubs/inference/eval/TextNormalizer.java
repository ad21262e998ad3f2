package io.livesubs.inference.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises transcripts before they are compared: lower case, English numbers spelled out
 * (cardinals up to {@link NumberWords#MAX}, ordinals like "21st", decimals, "%"), punctuation
 * removed (apostrophes inside words kept: "i'm"), whitespace collapsed. Letters of every script are
 * kept. Stateless and thread-safe.
 */
public final class TextNormalizer {
  private static final Pattern NUMBER =
      Pattern.compile("(?<int>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<frac>\\d+))?(?<ord>st|nd|rd|th)?");
  private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`\u00b4]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}']+");
  private static final Pattern LOOSE_APOSTROPHE =
      Pattern.compile("(?<![\\p{L}\\p{N}])'|'(?![\\p{L}\\p{N}])");

  private TextNormalizer() {}

  /**
   * The normalised text: words separated by single spaces, no leading or trailing space.
   *
   * @param text any text, may be null (treated as empty)
   */
  public static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = APOSTROPHES.matcher(s).replaceAll("'");
    s = s.replace("%", " percent ").replace("&", " and ");
    s = spellNumbers(s);
    s = NOT_WORD.matcher(s).replaceAll(" ");
    s = LOOSE_APOSTROPHE.matcher(s).replaceAll(" ");
    return s.trim().replaceAll("\\s+", " ");
  }

  /** The normalised words. */
  public static List<String> words(String text) {
    String n = normalize(text);
    return n.isEmpty() ? List.of() : List.of(n.split(" "));
  }

  private static String spellNumbers(String s) {
    Matcher m = NUMBER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(" " + spell(m) + " "));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String spell(Matcher m) {
    String digits = m.group("int").replace(",", "");
    String frac = m.group("frac");
    String ord = m.group("ord");
    List<String> parts = new ArrayList<>(3);
    boolean spellable = digits.length() <= 12 && (digits.length() == 1 || digits.charAt(0) != '0');
    long value = spellable ? Long.parseLong(digits) : -1;
    if (!spellable) {
      parts.add(NumberWords.digits(digits));
    } else if (ord != null && frac == null) {
      parts.add(NumberWords.ordinal(value));
    } else {
      parts.add(NumberWords.cardinal(value));
    }
    if (frac != null) {
      parts.add("point");
      parts.add(NumberWords.digits(frac));
      if (ord != null) {
        parts.add(ord);
      }
    }
    return String.join(" ", parts);
  }
}
