package io.livesubs.inference.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberWordsTest {
  @ParameterizedTest
  @CsvSource({
    "0,zero",
    "7,seven",
    "13,thirteen",
    "20,twenty",
    "42,forty two",
    "100,one hundred",
    "101,one hundred one",
    "999,nine hundred ninety nine",
    "1000,one thousand",
    "1234,one thousand two hundred thirty four",
    "1813,one thousand eight hundred thirteen",
    "9999,nine thousand nine hundred ninety nine",
    "20000,twenty thousand",
    "1000001,one million one",
    "3000000000,three billion"
  })
  void cardinals(long n, String words) {
    assertEquals(words, NumberWords.cardinal(n));
  }

  @ParameterizedTest
  @CsvSource({
    "1,first",
    "2,second",
    "3,third",
    "4,fourth",
    "5,fifth",
    "8,eighth",
    "9,ninth",
    "12,twelfth",
    "20,twentieth",
    "21,twenty first",
    "100,one hundredth",
    "1003,one thousand third"
  })
  void ordinals(long n, String words) {
    assertEquals(words, NumberWords.ordinal(n));
  }

  @ParameterizedTest
  @CsvSource({"-1", "1000000000000"})
  void rejectsOutOfRange(long n) {
    assertThrows(IllegalArgumentException.class, () -> NumberWords.cardinal(n));
  }
}
