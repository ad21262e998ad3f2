package io.livesubs.inference.asr.whisper.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suppressed tokens and suppress-blank, on crafted logits and on the real vocabulary. */
class SuppressFiltersTest {

  @Test
  void suppressTokensMasksExactlyItsTokensAtEveryPosition() {
    SuppressTokensFilter filter = new SuppressTokensFilter(new int[] {1, 4});
    for (int count = 0; count < 3; count++) {
      float[] logits = {5, 5, 5, 5, 5, 5};
      filter.apply(logits, new int[] {2, 3}, count);
      assertEquals(Float.NEGATIVE_INFINITY, logits[1]);
      assertEquals(Float.NEGATIVE_INFINITY, logits[4]);
      assertEquals(5f * 4, logits[0] + logits[2] + logits[3] + logits[5]);
    }
    assertThrows(IllegalArgumentException.class, () -> new SuppressTokensFilter(new int[] {-1}));
  }

  @Test
  void suppressBlankActsAtTheFirstSampledPositionOnly() {
    SuppressBlankFilter filter = new SuppressBlankFilter(2, 5);
    float[] first = {1, 1, 9, 1, 1, 9};
    filter.apply(first, new int[0], 0);
    assertEquals(Float.NEGATIVE_INFINITY, first[2]);
    assertEquals(Float.NEGATIVE_INFINITY, first[5]);
    float[] later = {1, 1, 9, 1, 1, 9};
    filter.apply(later, new int[] {3}, 1);
    assertEquals(9f, later[2]);
    assertEquals(9f, later[5]);
  }

  @Test
  void defaultChainOnTheRealVocabularySuppressesSymbolsAndSpecialsButNotTextOrTimestamps()
      throws IOException {
    WhisperTokenizer tokenizer =
        WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 99);
    WhisperSpecialTokens sp = tokenizer.specials();
    LogitFilters filters = new LogitFilters(tokenizer);
    int[] suppressed = filters.suppressedTokens(DecodeOptions.DEFAULTS);
    List<Integer> ids = Arrays.stream(suppressed).boxed().toList();

    assertTrue(ids.contains(tokenizer.encode(" [")[0]), "a bracket is a non-speech symbol");
    assertTrue(ids.contains(sp.startOfTranscript()));
    assertTrue(ids.contains(sp.languageToken("de")));
    assertTrue(ids.contains(sp.transcribe()));
    assertTrue(ids.contains(sp.startOfPrev()));
    assertTrue(ids.contains(sp.noSpeech()));
    assertTrue(ids.contains(sp.noTimestamps()));
    assertFalse(ids.contains(sp.endOfText()));
    assertFalse(ids.contains(sp.timestampBegin()));
    assertFalse(ids.contains(tokenizer.encode(" hello")[0]));

    DecodeOptions forced =
        DecodeOptions.builder().forcedSteps(5).suppressTokens(List.of(7)).build();
    List<Integer> forcedIds = Arrays.stream(filters.suppressedTokens(forced)).boxed().toList();
    assertTrue(forcedIds.contains(sp.endOfText()), "forced steps never end early");
    assertTrue(forcedIds.contains(7));

    DecodeOptions plain = DecodeOptions.builder().timestamps(false).build();
    List<Integer> plainIds = Arrays.stream(filters.suppressedTokens(plain)).boxed().toList();
    assertTrue(plainIds.contains(sp.timestampBegin() + 10), "no timestamps without timestamps");
    assertEquals(2, filters.forOptions(plain).size(), "blank + tokens, no timestamp rules");
    assertEquals(3, filters.forOptions(DecodeOptions.DEFAULTS).size());
  }
}
