package io.livesubs.inference.mt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sacreBLEU's 13a tokenisation. Each expectation follows from its rules by hand: symbols are split
 * off except {@code ' , - .}; periods and commas are split off unless between digits; a dash after
 * a digit is split off.
 */
class Tokenizer13aTest {

  @Test
  void punctuationIsSplitOff() {
    assertEquals("Hello , world !", Tokenizer13a.tokenize("Hello, world!"));
    assertEquals("( a ) [ b ] { c } a / b", Tokenizer13a.tokenize("(a) [b] {c} a/b"));
    assertEquals("¿Dónde está ?", Tokenizer13a.tokenize("¿Dónde está?"));
  }

  @Test
  void periodsAndCommasStayInsideNumbers() {
    assertEquals(
        "It costs $ 3.50 , or 3,50 EUR .", Tokenizer13a.tokenize("It costs $3.50, or 3,50 EUR."));
    assertEquals("U . S . A .", Tokenizer13a.tokenize("U.S.A."));
  }

  @Test
  void dashesAreSplitOnlyAfterDigits() {
    assertEquals(
        "a 5 - year-old well-known man", Tokenizer13a.tokenize("a 5-year-old well-known man"));
  }

  @Test
  void apostrophesStay() {
    assertEquals("don't stop , it's fine", Tokenizer13a.tokenize("don't stop, it's fine"));
  }

  @Test
  void entitiesAreUnescapedOnceThenSplit() {
    assertEquals("\" Yes \" & < no >", Tokenizer13a.tokenize("&quot;Yes&quot; &amp; &lt;no&gt;"));
    assertEquals("& quot ;", Tokenizer13a.tokenize("&amp;quot;"));
  }

  @Test
  void lineBreaksSkippedMarkersAndPythonWhitespace() {
    assertEquals("linebreak next", Tokenizer13a.tokenize("line-\nbreak\nnext"));
    assertEquals("word", Tokenizer13a.tokenize("<skipped> word"));
    // Python's str.split() splits on no-break spaces too.
    assertEquals(List.of("a", "b", "c"), Tokenizer13a.tokens("a\u00A0b\u3000 c "));
  }
}
