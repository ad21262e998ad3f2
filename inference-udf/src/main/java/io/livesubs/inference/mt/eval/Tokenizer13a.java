package io.livesubs.inference.mt.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code 13a} tokenisation of sacreBLEU (equivalent to {@code mteval-v13a.pl}, used by WMT),
 * which {@link Bleu} applies to hypotheses and references. In order:
 *
 * <ol>
 *   <li>{@code <skipped>} is removed, {@code -\n} (a hyphen at a line break) is joined, other line
 *       breaks become spaces, and the entities {@code &quot;}, {@code &amp;}, {@code &lt;}, {@code
 *       &gt;} are unescaped (once, in that order);
 *   <li>a space is put around every ASCII symbol except {@code '}, {@code ,}, {@code -} and {@code
 *       .} (that is {@code {|}~ [\]^_` !"#$%& ()*+ :;<=>? @ /});
 *   <li>{@code .} and {@code ,} are split off unless they sit between digits ({@code 3.14} and
 *       {@code 1,000} stay whole, {@code end.} becomes {@code end .});
 *   <li>a {@code -} after a digit is split off ({@code 5-year} becomes {@code 5 - year}; {@code
 *       well-known} stays);
 *   <li>whitespace runs collapse to one space and the ends are trimmed.
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class Tokenizer13a {

  private static final Pattern SYMBOL = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  private Tokenizer13a() {}

  /** The tokenised line: tokens separated by single spaces. */
  public static String tokenize(String line) {
    String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (s.indexOf('&') >= 0) {
      s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    s = " " + s + " ";
    s = SYMBOL.matcher(s).replaceAll(" $1 ");
    s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
    s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
    s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
    return String.join(" ", PythonText.split(s));
  }

  /** The tokens of {@link #tokenize(String)}. */
  public static List<String> tokens(String line) {
    return PythonText.split(tokenize(line));
  }
}
