package io.livesubs.inference.mt.apertium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Plain text to and from the Apertium stream format. */
class ApertiumStreamFormatTest {

  private static String encoded(String sentence) {
    return new String(ApertiumStreamFormat.encode(sentence), StandardCharsets.UTF_8);
  }

  @Test
  void reservedCharactersAreEscapedAndTildeBecomesASuperblank() {
    assertEquals(
        "a \\[b\\] \\{c\\} \\^d\\$ e\\/f \\\\g \\@h \\<i\\> [~]j *k #l \0",
        encoded("a [b] {c} ^d$ e/f \\g @h <i> ~j *k #l"));
  }

  @Test
  void whitespaceCollapsesLineBreaksBecomeSpacesAndNulsVanish() {
    assertEquals("one two three \0", encoded("  one\t\ttwo\n three\0 "));
    assertEquals(" \0", encoded(""));
  }

  @Test
  void decodingRemovesEscapesAndSuperblanksAndNormalisesSpaces() {
    byte[] output = "  Un \\[x\\] [~] b\\/c  \\\\d \n".getBytes(StandardCharsets.UTF_8);
    assertEquals("Un [x] ~ b/c \\d", ApertiumStreamFormat.decode(output));
  }

  @Test
  void decodingKeepsNonAsciiText() {
    byte[] output =
        "Los amigos de mi hermana han ido a las montañas. ".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "Los amigos de mi hermana han ido a las montañas.", ApertiumStreamFormat.decode(output));
  }
}
