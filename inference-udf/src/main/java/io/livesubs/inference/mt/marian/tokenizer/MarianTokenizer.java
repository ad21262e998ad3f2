package io.livesubs.inference.mt.marian.tokenizer;

import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The tokenizer of a Marian (opus-mt) model, as Hugging Face's {@code MarianTokenizer} does it:
 * source text is split with {@code source.spm}, the pieces are mapped to model ids through {@code
 * vocab.json} (pieces it lacks become {@code <unk>}), and {@code </s>} ends the sequence; model ids
 * are decoded back through {@code vocab.json} and {@code target.spm}, without the special tokens
 * {@code </s>}, {@code <unk>} and {@code <pad>}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarianTokenizer {
  /** Source-side SentencePiece model file. */
  public static final String SOURCE_SPM = "source.spm";

  /** Target-side SentencePiece model file. */
  public static final String TARGET_SPM = "target.spm";

  /** Joint vocabulary file. */
  public static final String VOCAB_JSON = "vocab.json";

  private final SentencePieceProcessor source;
  private final SentencePieceProcessor target;
  private final MarianVocabulary vocabulary;
  private final int eosId;
  private final int unkId;
  private final int padId;

  /**
   * A tokenizer from its parts.
   *
   * @throws IllegalArgumentException if the vocabulary lacks {@code </s>}, {@code <unk>} or {@code
   *     <pad>}
   */
  public MarianTokenizer(
      SentencePieceProcessor source, SentencePieceProcessor target, MarianVocabulary vocabulary) {
    this.source = source;
    this.target = target;
    this.vocabulary = vocabulary;
    this.eosId = vocabulary.require("</s>");
    this.unkId = vocabulary.require("<unk>");
    this.padId = vocabulary.require("<pad>");
  }

  /**
   * Loads {@code source.spm}, {@code target.spm} and {@code vocab.json} from {@code dir}.
   *
   * @throws ModelLoadException naming the file that is missing or malformed
   */
  public static MarianTokenizer load(Path dir) {
    Path vocab = dir.resolve(VOCAB_JSON);
    try {
      return new MarianTokenizer(
          processor(dir.resolve(SOURCE_SPM)),
          processor(dir.resolve(TARGET_SPM)),
          MarianVocabulary.read(existing(vocab)));
    } catch (IOException e) {
      throw new ModelLoadException("cannot read the Marian tokenizer in " + dir + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException("bad Marian tokenizer in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static SentencePieceProcessor processor(Path file) throws IOException {
    return SentencePieceProcessor.load(existing(file));
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          "Marian tokenizer file " + file.getFileName() + " is missing: " + file);
    }
    return file;
  }

  /**
   * Model ids of {@code sentence}: its source pieces mapped through the vocabulary, then {@code
   * </s>}. Blank text gives just {@code </s>}.
   */
  public int[] encode(String sentence) {
    return toIds(source.encodeAsPieces(sentence));
  }

  /**
   * Model ids of target-language {@code text} (pieces of {@code target.spm}, then {@code </s>}), as
   * a reference translation or forced decoding would feed them.
   */
  public int[] encodeTarget(String text) {
    return toIds(target.encodeAsPieces(text));
  }

  private int[] toIds(List<String> pieces) {
    int[] ids = new int[pieces.size() + 1];
    for (int i = 0; i < pieces.size(); i++) {
      ids[i] = vocabulary.find(pieces.get(i)).orElse(unkId);
    }
    ids[pieces.size()] = eosId;
    return ids;
  }

  /** The source pieces of {@code sentence}, before they are mapped to ids. */
  public List<String> sourcePieces(String sentence) {
    return source.encodeAsPieces(sentence);
  }

  /**
   * Text of model ids: special tokens dropped, the rest joined as target pieces ({@code ▁} is a
   * space), trimmed.
   *
   * @throws IllegalArgumentException if an id is outside the vocabulary
   */
  public String decode(int[] ids) {
    List<String> pieces = new ArrayList<>(ids.length);
    for (int id : ids) {
      if (id == eosId || id == padId || id == unkId) {
        continue;
      }
      String piece = vocabulary.piece(id);
      if (piece == null) {
        throw new IllegalArgumentException(
            "token id " + id + " is outside the vocabulary (size " + vocabulary.size() + ")");
      }
      pieces.add(piece);
    }
    // Pieces target.spm lacks come back verbatim from decodePieces, ▁ included.
    return target.decodePieces(pieces).replace(SentencePieceNormalizer.SPACE_SYMBOL, " ").strip();
  }

  /**
   * The id of a multilingual model's target-language token {@code >>lang<<}, if the vocabulary has
   * one.
   */
  public OptionalInt languageToken(String language) {
    return vocabulary.find(">>" + language + "<<");
  }

  /** The source-side SentencePiece processor. */
  public SentencePieceProcessor sourceProcessor() {
    return source;
  }

  /** The target-side SentencePiece processor. */
  public SentencePieceProcessor targetProcessor() {
    return target;
  }

  /** The joint vocabulary. */
  public MarianVocabulary vocabulary() {
    return vocabulary;
  }

  /** Id of {@code </s>}. */
  public int eosId() {
    return eosId;
  }

  /** Id of {@code <unk>}. */
  public int unkId() {
    return unkId;
  }

  /** Id of {@code <pad>} (also the decoder's start token in Marian models). */
  public int padId() {
    return padId;
  }
}
