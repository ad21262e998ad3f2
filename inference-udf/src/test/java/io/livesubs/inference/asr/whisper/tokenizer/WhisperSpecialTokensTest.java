package io.livesubs.inference.asr.whisper.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Special-token ids against the values published with the models: the multilingual vocabulary has
 * {@code n_vocab} 51865 (large-v3: 51866), the English-only one 51864, and the ids below are the
 * ones in the models' generation configs (decoder start 50258, English 50259, transcribe 50359,
 * no-timestamps 50363 ...).
 */
class WhisperSpecialTokensTest {
  @Test
  void multilingualWith99Languages() {
    WhisperSpecialTokens t = new WhisperSpecialTokens(50257, 99);
    assertEquals(50257, t.endOfText());
    assertEquals(50258, t.startOfTranscript());
    assertEquals(50259, t.languageToken("en"));
    assertEquals(50260, t.languageToken("zh"));
    assertEquals(50261, t.languageToken("de"));
    assertEquals(50262, t.languageToken("es"));
    assertEquals(50265, t.languageToken("fr"));
    assertEquals(50357, t.languageToken("su"));
    assertEquals(50358, t.translate());
    assertEquals(50359, t.transcribe());
    assertEquals(50360, t.startOfLm());
    assertEquals(50361, t.startOfPrev());
    assertEquals(50362, t.noSpeech());
    assertEquals(50363, t.noTimestamps());
    assertEquals(50364, t.timestampBegin());
    assertEquals(51865, t.vocabSize());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.languageToken("yue"));
    assertTrue(e.getMessage().contains("yue"), e.getMessage());
  }

  @Test
  void largeV3AddsCantoneseAndShiftsTheRest() {
    WhisperSpecialTokens t = new WhisperSpecialTokens(50257, 100);
    assertEquals(50259, t.languageToken("en"));
    assertEquals(50358, t.languageToken("yue"));
    assertEquals(50359, t.translate());
    assertEquals(50360, t.transcribe());
    assertEquals(50363, t.noSpeech());
    assertEquals(50364, t.noTimestamps());
    assertEquals(50365, t.timestampBegin());
    assertEquals(51866, t.vocabSize());
  }

  @Test
  void englishOnlyVocabularyStartsOneEarlier() {
    WhisperSpecialTokens t = new WhisperSpecialTokens(50256, 99);
    assertEquals(50256, t.endOfText());
    assertEquals(50257, t.startOfTranscript());
    assertEquals(50357, t.translate());
    assertEquals(50358, t.transcribe());
    assertEquals(50361, t.noSpeech());
    assertEquals(50362, t.noTimestamps());
    assertEquals(50363, t.timestampBegin());
    assertEquals(51864, t.vocabSize());
  }

  @Test
  void textsAndTimestamps() {
    WhisperSpecialTokens t = new WhisperSpecialTokens(50257, 99);
    assertEquals("<|endoftext|>", t.text(50257));
    assertEquals("<|startoftranscript|>", t.text(50258));
    assertEquals("<|en|>", t.text(50259));
    assertEquals("<|su|>", t.text(50357));
    assertEquals("<|translate|>", t.text(50358));
    assertEquals("<|nospeech|>", t.text(50362));
    assertEquals("<|notimestamps|>", t.text(50363));
    assertEquals("<|0.00|>", t.text(50364));
    assertEquals("<|0.02|>", t.text(50365));
    assertEquals("<|1.24|>", t.text(50364 + 62));
    assertEquals("<|30.00|>", t.text(51864));
    for (int id = t.endOfText(); id < t.vocabSize(); id++) {
      assertEquals(id, t.idOf(t.text(id)), t.text(id));
    }
    assertEquals(-1, t.idOf("<|xx|>"));
    assertEquals(50364 + 62, t.timestampToken(1.24));
    assertEquals(50364 + 62, t.timestampToken(1.2449));
    assertEquals(1.24, t.timestampSeconds(50364 + 62), 1e-9);
    assertEquals(30.0, t.timestampSeconds(51864), 1e-9);
    assertTrue(t.isTimestamp(50364));
    assertFalse(t.isTimestamp(50363));
    assertFalse(t.isSpecial(50256));
    assertTrue(t.isSpecial(50257));
    assertFalse(t.isSpecial(51865));
    assertThrows(IllegalArgumentException.class, () -> t.timestampToken(30.02));
    assertThrows(IllegalArgumentException.class, () -> t.timestampToken(-0.5));
    assertThrows(IllegalArgumentException.class, () -> t.timestampSeconds(50363));
    assertThrows(IllegalArgumentException.class, () -> t.text(100));
  }

  @Test
  void languagesByCodeOrName() {
    WhisperSpecialTokens t = new WhisperSpecialTokens(50257, 99);
    assertEquals(t.languageToken("de"), t.languageToken("German"));
    assertEquals("ja", t.languageOf(t.languageToken("japanese")));
    assertNull(t.languageOf(t.transcribe()));
    assertNull(t.languageOf(t.startOfTranscript()));
    int[] all = t.languageTokens();
    assertEquals(99, all.length);
    assertEquals(50259, all[0]);
    assertEquals(50357, all[98]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.languageToken("klingon"));
    assertTrue(e.getMessage().contains("klingon"), e.getMessage());
  }

  @Test
  void languageListHasWhispersShape() {
    assertEquals(100, WhisperLanguages.codes().size());
    assertEquals(100, Set.copyOf(WhisperLanguages.codes()).size());
    assertEquals("en", WhisperLanguages.codes().get(0));
    assertEquals("su", WhisperLanguages.codes().get(98));
    assertEquals("yue", WhisperLanguages.codes().get(99));
    assertEquals("hawaiian", WhisperLanguages.name(WhisperLanguages.indexOf("haw")));
    assertEquals(-1, WhisperLanguages.indexOf("xx"));
  }

  @Test
  void rejectsBadLayouts() {
    assertThrows(IllegalArgumentException.class, () -> new WhisperSpecialTokens(50257, 0));
    assertThrows(IllegalArgumentException.class, () -> new WhisperSpecialTokens(50257, 101));
    assertThrows(IllegalArgumentException.class, () -> new WhisperSpecialTokens(-1, 99));
  }
}
