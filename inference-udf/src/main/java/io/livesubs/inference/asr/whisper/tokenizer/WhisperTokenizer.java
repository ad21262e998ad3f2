package io.livesubs.inference.asr.whisper.tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Whisper's tokenizer: byte-level BPE over OpenAI's ranks files ({@code multilingual.tiktoken} for
 * multilingual models, {@code gpt2.tiktoken} for the English-only {@code *.en} models) plus
 * Whisper's special tokens ({@link WhisperSpecialTokens}).
 *
 * <p>Immutable and thread-safe: one instance can serve every stream of a JVM.
 */
public final class WhisperTokenizer {
  private final TiktokenRanks ranks;
  private final BytePairEncoder encoder;
  private final WhisperSpecialTokens specials;
  private final boolean multilingual;

  private WhisperTokenizer(TiktokenRanks ranks, boolean multilingual, int numLanguages) {
    this.ranks = ranks;
    this.encoder = new BytePairEncoder(ranks);
    this.specials = new WhisperSpecialTokens(ranks.size(), numLanguages);
    this.multilingual = multilingual;
  }

  /**
   * The tokenizer of multilingual models.
   *
   * @param ranksFile {@code multilingual.tiktoken}
   * @param numLanguages 99, or 100 for large-v3 (which adds {@code <|yue|>})
   * @throws IOException if the ranks file cannot be read or is malformed
   */
  public static WhisperTokenizer multilingual(Path ranksFile, int numLanguages) throws IOException {
    return new WhisperTokenizer(TiktokenRanks.load(ranksFile), true, numLanguages);
  }

  /**
   * The tokenizer of English-only models ({@code tiny.en} ...).
   *
   * @param ranksFile {@code gpt2.tiktoken}
   * @throws IOException if the ranks file cannot be read or is malformed
   */
  public static WhisperTokenizer englishOnly(Path ranksFile) throws IOException {
    return new WhisperTokenizer(
        TiktokenRanks.load(ranksFile), false, WhisperLanguages.CLASSIC_COUNT);
  }

  /** Whether this is a multilingual vocabulary (language and task tokens are used). */
  public boolean isMultilingual() {
    return multilingual;
  }

  /** The special-token layout of this vocabulary. */
  public WhisperSpecialTokens specials() {
    return specials;
  }

  /** The number of BPE (text) tokens; every id from here on is special. */
  public int textTokenCount() {
    return ranks.size();
  }

  /** Size of the whole vocabulary (the model's logits dimension). */
  public int vocabSize() {
    return specials.vocabSize();
  }

  /**
   * Encodes text into BPE tokens. Special-token strings such as {@code <|en|>} in the text are
   * treated as ordinary characters.
   */
  public int[] encode(String text) {
    return encoder.encode(Objects.requireNonNull(text, "text"));
  }

  /** Decodes text tokens, leaving out every special token (timestamps included). */
  public String decode(int[] ids) {
    return decode(ids, true);
  }

  /**
   * Decodes tokens. The bytes of all tokens are joined first, so a character split across tokens
   * decodes whole; bytes that still form no valid UTF-8 become U+FFFD.
   *
   * @param skipSpecials leave out special tokens; otherwise they appear as their text, e.g. {@code
   *     <|en|>} or {@code <|1.24|>}
   * @throws IllegalArgumentException if an id is outside the vocabulary
   */
  public String decode(int[] ids, boolean skipSpecials) {
    int length = 0;
    for (int id : ids) {
      if (id < 0 || id >= vocabSize()) {
        throw new IllegalArgumentException(
            "token id " + id + " is outside the vocabulary of " + vocabSize());
      }
      length +=
          id < ranks.size() ? ranks.length(id) : skipSpecials ? 0 : specials.text(id).length();
    }
    byte[] bytes = new byte[length];
    int pos = 0;
    for (int id : ids) {
      if (id < ranks.size()) {
        pos = ranks.copyBytes(id, bytes, pos);
      } else if (!skipSpecials) {
        byte[] text = specials.text(id).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, pos, text.length);
        pos += text.length;
      }
    }
    return new String(bytes, 0, pos, StandardCharsets.UTF_8);
  }

  /** The raw bytes of a text token (may be part of a UTF-8 character). */
  public byte[] tokenBytes(int id) {
    if (id < 0 || id >= ranks.size()) {
      throw new IllegalArgumentException(id + " is not a text token");
    }
    return ranks.bytes(id);
  }

  /**
   * The prompt that starts decoding: {@code <|startoftranscript|>}, then for multilingual models
   * the language and task tokens, then {@code <|notimestamps|>} unless timestamps are wanted.
   *
   * @param language code or English name; null to leave it out (e.g. before language detection).
   *     English-only models accept only null or English and emit no language token
   * @param task null to leave it out; English-only models accept only null or TRANSCRIBE
   * @throws IllegalArgumentException for an unknown language or one this model cannot do
   */
  public int[] sotSequence(String language, WhisperTask task, boolean timestamps) {
    int[] out = new int[4];
    int n = 0;
    out[n++] = specials.startOfTranscript();
    if (multilingual) {
      if (language != null) {
        out[n++] = specials.languageToken(language);
      }
      if (task != null) {
        out[n++] = task == WhisperTask.TRANSLATE ? specials.translate() : specials.transcribe();
      }
    } else {
      if (language != null && WhisperLanguages.indexOf(language) != 0) {
        throw new IllegalArgumentException(
            "an English-only model cannot do language '" + language + "'");
      }
      if (task == WhisperTask.TRANSLATE) {
        throw new IllegalArgumentException("an English-only model cannot translate");
      }
    }
    if (!timestamps) {
      out[n++] = specials.noTimestamps();
    }
    return Arrays.copyOf(out, n);
  }

  /** The id of {@code <|endoftext|>}. */
  public int endOfText() {
    return specials.endOfText();
  }

  /** The id of {@code <|nospeech|>}, whose probability after the prompt says "no speech". */
  public int noSpeech() {
    return specials.noSpeech();
  }

  /** The id of {@code <|0.00|>}. */
  public int timestampBegin() {
    return specials.timestampBegin();
  }

  /** Whether {@code id} is a timestamp token. */
  public boolean isTimestamp(int id) {
    return specials.isTimestamp(id);
  }

  /** The token of a language (see {@link WhisperSpecialTokens#languageToken}). */
  public int languageToken(String codeOrName) {
    return specials.languageToken(codeOrName);
  }

  /**
   * Text tokens that write symbols rather than speech (brackets, music signs, quotes ...), which
   * the reference decoder suppresses by default ({@code suppress_tokens="-1"}), sorted.
   */
  public int[] nonSpeechTokens() {
    // The reference's symbol list: single characters, then multi-character sequences.
    List<String> symbols =
        List.of(
            ("\" # ( ) * + / : ; < = > @ [ \\ ] ^ _ ` { | } ~ 「 」 『 』"
                    + " << >> <<< >>> -- --- -( -[ (' (\" (( )) ((( ))) [[ ]] {{ }} ♪♪ ♪♪♪")
                .split(" "));
    String music = "♩♪♫♬♭♮♯";
    TreeSet<Integer> result = new TreeSet<>();
    result.add(encode(" -")[0]);
    result.add(encode(" '")[0]);
    for (String symbol : symbols) {
      addIfSingle(result, symbol, false);
    }
    music.codePoints().forEach(c -> addIfSingle(result, Character.toString(c), true));
    return result.stream().mapToInt(Integer::intValue).toArray();
  }

  // Music signs are suppressed by their first token even when they take several.
  private void addIfSingle(TreeSet<Integer> result, String symbol, boolean always) {
    for (int[] tokens : new int[][] {encode(symbol), encode(" " + symbol)}) {
      if (tokens.length == 1 || always) {
        result.add(tokens[0]);
      }
    }
  }
}
