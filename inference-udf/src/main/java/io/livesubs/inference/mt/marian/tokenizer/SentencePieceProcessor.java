package io.livesubs.inference.mt.marian.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes text into pieces and decodes pieces into text with a unigram SentencePiece model, giving
 * the same pieces as the reference implementation ({@code sentencepiece} 0.1.x {@code encode(text,
 * out_type=str)} and {@code decode_pieces}). Only what Marian models use is supported: unigram
 * models without byte fallback, user-defined symbols or suffix whitespace; other models are refused
 * when loaded.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentencePieceProcessor {
  private final SentencePieceModel model;
  private final SentencePieceNormalizer normalizer;
  private final UnigramSegmenter segmenter;
  private final Map<String, Integer> pieceIds = new HashMap<>();

  /**
   * A processor for {@code model}.
   *
   * @throws IllegalArgumentException naming the unsupported feature if the model needs one
   */
  public SentencePieceProcessor(SentencePieceModel model) {
    if (!model.modelType().equals("UNIGRAM")) {
      throw new IllegalArgumentException(
          "only unigram SentencePiece models are supported, this one is " + model.modelType());
    }
    if (model.byteFallback()) {
      throw new IllegalArgumentException("SentencePiece byte fallback is not supported");
    }
    if (model.treatWhitespaceAsSuffix()) {
      throw new IllegalArgumentException("SentencePiece treat_whitespace_as_suffix is unsupported");
    }
    for (int id = 0; id < model.size(); id++) {
      if (model.type(id) == PieceType.USER_DEFINED) {
        throw new IllegalArgumentException(
            "SentencePiece user-defined symbols are not supported (" + model.piece(id) + ")");
      }
      pieceIds.putIfAbsent(model.piece(id), id);
    }
    this.model = model;
    this.normalizer = new SentencePieceNormalizer(model.normalizer());
    this.segmenter = new UnigramSegmenter(model);
  }

  /**
   * Loads a {@code .spm} file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if it is not a supported SentencePiece model
   */
  public static SentencePieceProcessor load(Path file) throws IOException {
    return new SentencePieceProcessor(SentencePieceModel.read(file));
  }

  /** The model. */
  public SentencePieceModel model() {
    return model;
  }

  /** {@code text} as the model normalises it before segmentation (spaces as {@code ▁}). */
  public String normalize(String text) {
    return normalizer.normalize(text);
  }

  /** The pieces of {@code text}; an unknown run is one piece with its normalised text. */
  public List<String> encodeAsPieces(String text) {
    return segmenter.segment(normalizer.normalize(text)).stream()
        .map(UnigramSegmenter.Piece::text)
        .toList();
  }

  /** The model's ids of the pieces of {@code text} (the unknown id for unknown runs). */
  public int[] encodeAsIds(String text) {
    return segmenter.segment(normalizer.normalize(text)).stream()
        .mapToInt(UnigramSegmenter.Piece::id)
        .toArray();
  }

  /** The id of {@code piece}, or the unknown piece's id if the model lacks it. */
  public int pieceToId(String piece) {
    return pieceIds.getOrDefault(piece, segmenter.unkId());
  }

  /**
   * Joins pieces into text: {@code ▁} becomes a space, the leading space the dummy prefix added is
   * dropped, control pieces vanish, the unknown piece becomes the model's unknown surface ({@code "
   * ⁇ "}), and pieces the model lacks are copied as they are.
   */
  public String decodePieces(List<String> pieces) {
    StringBuilder out = new StringBuilder();
    boolean atStart = true;
    for (String piece : pieces) {
      int id = pieceToId(piece);
      String surface;
      PieceType type = model.type(id);
      if (type == PieceType.CONTROL) {
        surface = "";
      } else if (type == PieceType.UNKNOWN) {
        surface = piece.equals(model.piece(id)) ? model.unkSurface() : piece;
      } else {
        String text = piece;
        if (atStart && text.startsWith(SentencePieceNormalizer.SPACE_SYMBOL)) {
          text = text.substring(SentencePieceNormalizer.SPACE_SYMBOL.length());
        }
        surface = text.replace(SentencePieceNormalizer.SPACE_SYMBOL, " ");
      }
      out.append(surface);
      // Until some text is out, a piece's leading ▁ is the dummy prefix, not a space.
      atStart &= surface.isEmpty();
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "SentencePieceProcessor(" + model + ")";
  }
}
