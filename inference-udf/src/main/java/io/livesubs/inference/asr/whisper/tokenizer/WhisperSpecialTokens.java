package io.livesubs.inference.asr.whisper.tokenizer;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids of Whisper's special tokens, which follow the {@code n} BPE ranks of the vocabulary in
 * this order: {@code <|endoftext|>}, {@code <|startoftranscript|>}, one token per language (99, or
 * 100 from large-v3 on), {@code <|translate|>}, {@code <|transcribe|>}, {@code <|startoflm|>},
 * {@code <|startofprev|>}, {@code <|nospeech|>}, {@code <|notimestamps|>}, then 1501 timestamps
 * {@code <|0.00|>} to {@code <|30.00|>} in steps of 0.02 s. For the multilingual vocabulary ({@code
 * n = 50257}) with 99 languages this gives start of transcript 50258, English 50259, transcribe
 * 50359 and the first timestamp 50364 (vocabulary 51865).
 *
 * <p>Immutable and thread-safe.
 */
public final class WhisperSpecialTokens {
  /** Number of timestamp tokens. */
  public static final int TIMESTAMP_COUNT = 1501;

  /** Seconds between consecutive timestamp tokens. */
  public static final double TIMESTAMP_STEP_SECONDS = 0.02;

  private final int endOfText;
  private final int numLanguages;
  private final Map<String, Integer> byText = new HashMap<>();

  /**
   * @param firstId the id of {@code <|endoftext|>}: the number of BPE ranks
   * @param numLanguages 1 to {@value WhisperLanguages#MAX_COUNT}; 99 for models before large-v3
   */
  public WhisperSpecialTokens(int firstId, int numLanguages) {
    if (firstId < 0) {
      throw new IllegalArgumentException("firstId must be >= 0, was " + firstId);
    }
    if (numLanguages < 1 || numLanguages > WhisperLanguages.MAX_COUNT) {
      throw new IllegalArgumentException(
          "numLanguages must be 1.." + WhisperLanguages.MAX_COUNT + ", was " + numLanguages);
    }
    this.endOfText = firstId;
    this.numLanguages = numLanguages;
    for (int id = firstId; id < vocabSize(); id++) {
      byText.put(text(id), id);
    }
  }

  /** The id of {@code <|endoftext|>}. */
  public int endOfText() {
    return endOfText;
  }

  /** The id of {@code <|startoftranscript|>}. */
  public int startOfTranscript() {
    return endOfText + 1;
  }

  /** The id of {@code <|translate|>}. */
  public int translate() {
    return endOfText + 2 + numLanguages;
  }

  /** The id of {@code <|transcribe|>}. */
  public int transcribe() {
    return translate() + 1;
  }

  /** The id of {@code <|startoflm|>}. */
  public int startOfLm() {
    return translate() + 2;
  }

  /** The id of {@code <|startofprev|>}. */
  public int startOfPrev() {
    return translate() + 3;
  }

  /** The id of {@code <|nospeech|>}. */
  public int noSpeech() {
    return translate() + 4;
  }

  /** The id of {@code <|notimestamps|>}. */
  public int noTimestamps() {
    return translate() + 5;
  }

  /** The id of {@code <|0.00|>}; every id from here on is a timestamp. */
  public int timestampBegin() {
    return translate() + 6;
  }

  /** The number of languages with a token. */
  public int numLanguages() {
    return numLanguages;
  }

  /** Size of the whole vocabulary: BPE ranks plus special tokens (the logits' last dimension). */
  public int vocabSize() {
    return timestampBegin() + TIMESTAMP_COUNT;
  }

  /**
   * The token of a language, by code ({@code "es"}) or English name ({@code "spanish"}).
   *
   * @throws IllegalArgumentException if Whisper does not know the language, or this vocabulary has
   *     no token for it (e.g. {@code yue} with 99 languages)
   */
  public int languageToken(String codeOrName) {
    int index = WhisperLanguages.indexOf(codeOrName);
    if (index < 0) {
      throw new IllegalArgumentException("Whisper does not know language '" + codeOrName + "'");
    }
    if (index >= numLanguages) {
      throw new IllegalArgumentException(
          "language '"
              + codeOrName
              + "' needs a vocabulary with more than "
              + numLanguages
              + " languages");
    }
    return startOfTranscript() + 1 + index;
  }

  /** The code of the language token {@code id}, or null if {@code id} is not one. */
  public String languageOf(int id) {
    int index = id - startOfTranscript() - 1;
    return index >= 0 && index < numLanguages ? WhisperLanguages.codes().get(index) : null;
  }

  /** The ids of all language tokens, in order. */
  public int[] languageTokens() {
    int[] ids = new int[numLanguages];
    for (int i = 0; i < numLanguages; i++) {
      ids[i] = startOfTranscript() + 1 + i;
    }
    return ids;
  }

  /** Whether {@code id} is any special token (including timestamps). */
  public boolean isSpecial(int id) {
    return id >= endOfText && id < vocabSize();
  }

  /** Whether {@code id} is a timestamp token. */
  public boolean isTimestamp(int id) {
    return id >= timestampBegin() && id < vocabSize();
  }

  /** The time of a timestamp token, in seconds from the start of the window. */
  public double timestampSeconds(int id) {
    if (!isTimestamp(id)) {
      throw new IllegalArgumentException(id + " is not a timestamp token");
    }
    return (id - timestampBegin()) * TIMESTAMP_STEP_SECONDS;
  }

  /**
   * The timestamp token nearest to {@code seconds}.
   *
   * @throws IllegalArgumentException if {@code seconds} is outside [0, 30]
   */
  public int timestampToken(double seconds) {
    long step = Math.round(seconds / TIMESTAMP_STEP_SECONDS);
    if (!(seconds >= 0) || step >= TIMESTAMP_COUNT) {
      throw new IllegalArgumentException("timestamp must be within [0, 30] s, was " + seconds);
    }
    return timestampBegin() + (int) step;
  }

  /** The text of a special token, e.g. {@code <|en|>} or {@code <|1.24|>}. */
  public String text(int id) {
    if (!isSpecial(id)) {
      throw new IllegalArgumentException(id + " is not a special token");
    }
    if (id >= timestampBegin()) {
      int hundredths = (id - timestampBegin()) * 2;
      return String.format("<|%d.%02d|>", hundredths / 100, hundredths % 100);
    }
    if (id == endOfText) {
      return "<|endoftext|>";
    }
    if (id == startOfTranscript()) {
      return "<|startoftranscript|>";
    }
    String language = languageOf(id);
    if (language != null) {
      return "<|" + language + "|>";
    }
    String[] tail = {
      "translate", "transcribe", "startoflm", "startofprev", "nospeech", "notimestamps"
    };
    return "<|" + tail[id - translate()] + "|>";
  }

  /** The id of the special token with text {@code text} (e.g. {@code <|en|>}), or -1. */
  public int idOf(String text) {
    return byText.getOrDefault(text, -1);
  }
}
