package io.livesubs.inference.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "That agent is already logged on.  Please enter your number!|that agent is already logged on please enter your number",
        "IN EIGHTEEN THIRTEEN|in eighteen thirteen",
        "Press 1 to mute, 2 to lock.|press one to mute two to lock",
        "dial 500 or 1234|dial five hundred or one thousand two hundred thirty four",
        "a 28.8 kilobit modem|a twenty eight point eight kilobit modem",
        "the 21st century, 3rd time|the twenty first century third time",
        "1,000 people; 50% off|one thousand people fifty percent off",
        "I'm sure it’s Abbie's|i'm sure it's abbie's",
        "'quoted' words -- dashes|quoted words dashes",
        "non-administrator users|non administrator users",
        "“Pour activer, appuyez sur 1.”|pour activer appuyez sur one",
        "Über straße ÉCOLE|über straße école",
        "007|zero zero seven",
        "   |''"
      })
  void normalises(String in, String out) {
    assertEquals(out, TextNormalizer.normalize(in));
  }

  @Test
  void wordsSplitsTheNormalisedText() {
    assertEquals(List.of("hello", "world", "two"), TextNormalizer.words(" Hello,  WORLD 2 "));
    assertEquals(List.of(), TextNormalizer.words(null));
    assertEquals(List.of(), TextNormalizer.words("?!"));
  }
}
