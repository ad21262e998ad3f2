package io.livesubs.inference.asr.whisper.tokenizer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whisper's languages in the order of their tokens ({@code <|en|>} first). The first 99 are those
 * of every model up to large-v2; large-v3 adds Cantonese ({@code yue}) as the 100th. Immutable.
 */
public final class WhisperLanguages {
  /** Languages of models up to large-v2. */
  public static final int CLASSIC_COUNT = 99;

  /** Languages of large-v3 and later. */
  public static final int MAX_COUNT = 100;

  // code, English name; order defines token ids and must never change.
  private static final String[][] LANGUAGES = {
    {"en", "english"}, {"zh", "chinese"}, {"de", "german"}, {"es", "spanish"},
    {"ru", "russian"}, {"ko", "korean"}, {"fr", "french"}, {"ja", "japanese"},
    {"pt", "portuguese"}, {"tr", "turkish"}, {"pl", "polish"}, {"ca", "catalan"},
    {"nl", "dutch"}, {"ar", "arabic"}, {"sv", "swedish"}, {"it", "italian"},
    {"id", "indonesian"}, {"hi", "hindi"}, {"fi", "finnish"}, {"vi", "vietnamese"},
    {"he", "hebrew"}, {"uk", "ukrainian"}, {"el", "greek"}, {"ms", "malay"},
    {"cs", "czech"}, {"ro", "romanian"}, {"da", "danish"}, {"hu", "hungarian"},
    {"ta", "tamil"}, {"no", "norwegian"}, {"th", "thai"}, {"ur", "urdu"},
    {"hr", "croatian"}, {"bg", "bulgarian"}, {"lt", "lithuanian"}, {"la", "latin"},
    {"mi", "maori"}, {"ml", "malayalam"}, {"cy", "welsh"}, {"sk", "slovak"},
    {"te", "telugu"}, {"fa", "persian"}, {"lv", "latvian"}, {"bn", "bengali"},
    {"sr", "serbian"}, {"az", "azerbaijani"}, {"sl", "slovenian"}, {"kn", "kannada"},
    {"et", "estonian"}, {"mk", "macedonian"}, {"br", "breton"}, {"eu", "basque"},
    {"is", "icelandic"}, {"hy", "armenian"}, {"ne", "nepali"}, {"mn", "mongolian"},
    {"bs", "bosnian"}, {"kk", "kazakh"}, {"sq", "albanian"}, {"sw", "swahili"},
    {"gl", "galician"}, {"mr", "marathi"}, {"pa", "punjabi"}, {"si", "sinhala"},
    {"km", "khmer"}, {"sn", "shona"}, {"yo", "yoruba"}, {"so", "somali"},
    {"af", "afrikaans"}, {"oc", "occitan"}, {"ka", "georgian"}, {"be", "belarusian"},
    {"tg", "tajik"}, {"sd", "sindhi"}, {"gu", "gujarati"}, {"am", "amharic"},
    {"yi", "yiddish"}, {"lo", "lao"}, {"uz", "uzbek"}, {"fo", "faroese"},
    {"ht", "haitian creole"}, {"ps", "pashto"}, {"tk", "turkmen"}, {"nn", "nynorsk"},
    {"mt", "maltese"}, {"sa", "sanskrit"}, {"lb", "luxembourgish"}, {"my", "myanmar"},
    {"bo", "tibetan"}, {"tl", "tagalog"}, {"mg", "malagasy"}, {"as", "assamese"},
    {"tt", "tatar"}, {"haw", "hawaiian"}, {"ln", "lingala"}, {"ha", "hausa"},
    {"ba", "bashkir"}, {"jw", "javanese"}, {"su", "sundanese"}, {"yue", "cantonese"},
  };

  private static final List<String> CODES;
  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    String[] codes = new String[LANGUAGES.length];
    for (int i = 0; i < LANGUAGES.length; i++) {
      codes[i] = LANGUAGES[i][0];
      INDEX.put(LANGUAGES[i][0], i);
      INDEX.put(LANGUAGES[i][1], i);
    }
    CODES = List.of(codes);
  }

  private WhisperLanguages() {}

  /** All language codes in token order ({@value #MAX_COUNT}). */
  public static List<String> codes() {
    return CODES;
  }

  /**
   * The position of a language in token order, by code ({@code "de"}) or English name ({@code
   * "german"}), case-insensitive; -1 if Whisper does not know it.
   */
  public static int indexOf(String codeOrName) {
    Integer index = INDEX.get(codeOrName.trim().toLowerCase(Locale.ROOT));
    return index == null ? -1 : index;
  }

  /** The English name of the language at {@code index}. */
  public static String name(int index) {
    return LANGUAGES[index][1];
  }
}
