package io.livesubs.inference.asr.whisper.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhisperTokenizerTest {
  private static WhisperTokenizer multilingual;
  private static WhisperTokenizer english;

  @BeforeAll
  static void load() throws IOException {
    multilingual =
        WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 99);
    english = WhisperTokenizer.englishOnly(WhisperTestFiles.asset("gpt2.tiktoken"));
  }

  @Test
  void knownIdsFromPublishedExamples() {
    // GPT-2's vocabulary (English-only Whisper): "Hello world" is the textbook [15496, 995].
    assertArrayEquals(new int[] {15496, 995}, english.encode("Hello world"));
    // whisper.cpp documents that multilingual tokens 2415 and 229 together decode to 宇, while
    // each alone is an incomplete UTF-8 sequence.
    assertEquals("宇", multilingual.decode(new int[] {2415, 229}));
    assertArrayEquals(new int[] {2415, 229}, multilingual.encode("宇"));
    assertEquals("\uFFFD", multilingual.decode(new int[] {2415}));
  }

  @Test
  void singleBytesMapToTheirRanksInTheFile() {
    // In both files the printable ASCII bytes come first in byte order: '!' has rank 0.
    for (WhisperTokenizer t : new WhisperTokenizer[] {multilingual, english}) {
      assertArrayEquals(new int[] {0}, t.encode("!"));
      assertArrayEquals(new int[] {'a' - '!'}, t.encode("a"));
      assertArrayEquals("a".getBytes(StandardCharsets.US_ASCII), t.tokenBytes('a' - '!'));
      assertArrayEquals(new byte[] {' ', 't', 'h', 'e'}, t.tokenBytes(t.encode(" the")[0]));
    }
  }

  @Test
  void everyCorpusTextRoundTripsInBothVocabularies() {
    for (WhisperTokenizer t : new WhisperTokenizer[] {multilingual, english}) {
      for (String text : TokenizerCorpus.texts()) {
        int[] ids = t.encode(text);
        for (int id : ids) {
          assertTrue(id >= 0 && id < t.textTokenCount(), "text token id " + id);
        }
        assertEquals(text, t.decode(ids), () -> "ids " + Arrays.toString(ids));
      }
    }
  }

  @Test
  void multilingualVocabularyIsMoreCompactForOtherLanguages() {
    String spanish = "El niño comió piñones en la cañada y después se durmió.";
    assertTrue(multilingual.encode(spanish).length < english.encode(spanish).length);
  }

  @Test
  void decodeSkipsOrRendersSpecials() {
    int[] text = multilingual.encode(" Hola mundo");
    int[] ids = new int[text.length + 4];
    ids[0] = multilingual.specials().startOfTranscript();
    ids[1] = multilingual.languageToken("es");
    ids[2] = multilingual.timestampBegin();
    System.arraycopy(text, 0, ids, 3, text.length);
    ids[ids.length - 1] = multilingual.specials().timestampToken(1.5);
    assertEquals(" Hola mundo", multilingual.decode(ids));
    assertEquals(
        "<|startoftranscript|><|es|><|0.00|> Hola mundo<|1.50|>", multilingual.decode(ids, false));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> multilingual.decode(new int[] {51865}));
    assertTrue(e.getMessage().contains("51865"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> multilingual.decode(new int[] {-1}));
  }

  @Test
  void startOfTranscriptSequences() {
    assertArrayEquals(
        new int[] {50258, 50259, 50359, 50363},
        multilingual.sotSequence("en", WhisperTask.TRANSCRIBE, false));
    assertArrayEquals(
        new int[] {50258, 50262, 50358},
        multilingual.sotSequence("spanish", WhisperTask.TRANSLATE, true));
    assertArrayEquals(new int[] {50258}, multilingual.sotSequence(null, null, true));
    assertArrayEquals(
        new int[] {50257, 50362}, english.sotSequence("en", WhisperTask.TRANSCRIBE, false));
    assertArrayEquals(new int[] {50257}, english.sotSequence(null, null, true));
    assertThrows(IllegalArgumentException.class, () -> english.sotSequence("de", null, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> english.sotSequence(null, WhisperTask.TRANSLATE, true));
    assertThrows(IllegalArgumentException.class, () -> multilingual.sotSequence("xx", null, true));
    assertTrue(multilingual.isMultilingual());
    assertFalse(english.isMultilingual());
    assertEquals(51865, multilingual.vocabSize());
    assertEquals(51864, english.vocabSize());
    assertEquals(50362, multilingual.noSpeech());
    assertEquals(50257, multilingual.endOfText());
    assertTrue(multilingual.isTimestamp(50364));
  }

  @Test
  void largeV3VocabularyShiftsTaskTokens() throws IOException {
    WhisperTokenizer v3 =
        WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 100);
    assertArrayEquals(
        new int[] {50258, 50358, 50360, 50364},
        v3.sotSequence("yue", WhisperTask.TRANSCRIBE, false));
    assertEquals(50365, v3.timestampBegin());
    assertEquals(51866, v3.vocabSize());
  }

  @Test
  void nonSpeechTokensPlusControlTokensAreThePublishedSuppressLists() {
    // "suppress_tokens" of the generation configs published with openai/whisper-tiny and
    // openai/whisper-tiny.en: the reference's non-speech tokens plus start of transcript,
    // translate, transcribe, start of LM, start of previous and no-speech.
    int[] multilingualPublished = {
      1, 2, 7, 8, 9, 10, 14, 25, 26, 27, 28, 29, 31, 58, 59, 60, 61, 62, 63, 90, 91, 92, 93, 359,
      503, 522, 542, 873, 893, 902, 918, 922, 931, 1350, 1853, 1982, 2460, 2627, 3246, 3253, 3268,
      3536, 3846, 3961, 4183, 4667, 6585, 6647, 7273, 9061, 9383, 10428, 10929, 11938, 12033, 12331,
      12562, 13793, 14157, 14635, 15265, 15618, 16553, 16604, 18362, 18956, 20075, 21675, 22520,
      26130, 26161, 26435, 28279, 29464, 31650, 32302, 32470, 36865, 42863, 47425, 49870, 50254,
      50258, 50358, 50359, 50360, 50361, 50362
    };
    int[] englishPublished = {
      1, 2, 7, 8, 9, 10, 14, 25, 26, 27, 28, 29, 31, 58, 59, 60, 61, 62, 63, 90, 91, 92, 93, 357,
      366, 438, 532, 685, 705, 796, 930, 1058, 1220, 1267, 1279, 1303, 1343, 1377, 1391, 1635, 1782,
      1875, 2162, 2361, 2488, 3467, 4008, 4211, 4600, 4808, 5299, 5855, 6329, 7203, 9609, 9959,
      10563, 10786, 11420, 11709, 11907, 13163, 13697, 13700, 14808, 15306, 16410, 16791, 17992,
      19203, 19510, 20724, 22305, 22935, 27007, 30109, 30420, 33409, 34949, 40283, 40493, 40549,
      47282, 49146, 50257, 50357, 50358, 50359, 50360, 50361
    };
    assertArrayEquals(multilingualPublished, withControlTokens(multilingual));
    assertArrayEquals(englishPublished, withControlTokens(english));
    for (int id : multilingual.nonSpeechTokens()) {
      String text = multilingual.decode(new int[] {id});
      assertFalse(
          text.chars().anyMatch(Character::isLetterOrDigit), "token " + id + " '" + text + "'");
    }
  }

  private static int[] withControlTokens(WhisperTokenizer t) {
    WhisperSpecialTokens s = t.specials();
    return IntStream.concat(
            Arrays.stream(t.nonSpeechTokens()),
            IntStream.of(
                s.startOfTranscript(),
                s.translate(),
                s.transcribe(),
                s.startOfLm(),
                s.startOfPrev(),
                s.noSpeech()))
        .sorted()
        .toArray();
  }
}
