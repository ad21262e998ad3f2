package io.livesubs.inference.mt.marian.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits normalised text into the most probable sequence of pieces of a unigram SentencePiece model
 * (Viterbi). Matches SentencePiece: a character no piece covers becomes the unknown piece with
 * score {@code min(normal scores) - 10}; among equal scores the path found first wins (shorter
 * pieces, earlier positions); runs of unknown pieces are merged into one.
 *
 * <p>Immutable and thread-safe.
 */
final class UnigramSegmenter {
  /** SentencePiece's penalty of an unknown character below the lowest piece score. */
  private static final float UNKNOWN_PENALTY = 10.0f;

  /** A piece of a segmentation: its text (the normalised characters it covers) and its id. */
  record Piece(String text, int id) {}

  private final Map<String, Integer> ids = new HashMap<>();
  private final float[] scores;
  private final int unkId;
  private final float unkScore;
  private final int maxPieceCodePoints;

  /**
   * @throws IllegalArgumentException if the model has no unknown piece
   */
  UnigramSegmenter(SentencePieceModel model) {
    this.scores = new float[model.size()];
    float minScore = Float.MAX_VALUE;
    int unk = -1;
    int maxLength = 1;
    for (int id = 0; id < model.size(); id++) {
      scores[id] = model.score(id);
      switch (model.type(id)) {
        case NORMAL -> {
          String piece = model.piece(id);
          ids.putIfAbsent(piece, id);
          minScore = Math.min(minScore, scores[id]);
          maxLength = Math.max(maxLength, piece.codePointCount(0, piece.length()));
        }
        case UNKNOWN -> unk = unk < 0 ? id : unk;
        default -> {
          // Control and unused pieces never come out of segmentation.
        }
      }
    }
    if (unk < 0) {
      throw new IllegalArgumentException("the SentencePiece model has no <unk> piece");
    }
    this.unkId = unk;
    this.unkScore = (minScore == Float.MAX_VALUE ? 0 : minScore) - UNKNOWN_PENALTY;
    this.maxPieceCodePoints = maxLength;
  }

  /** The id of the unknown piece. */
  int unkId() {
    return unkId;
  }

  /** The best segmentation of {@code normalized}; empty for empty text. */
  List<Piece> segment(String normalized) {
    if (normalized.isEmpty()) {
      return List.of();
    }
    int[] offsets = normalized.codePoints().map(Character::charCount).toArray();
    int n = offsets.length;
    // charAt[i]: the char index of code point i; charAt[n] = the text's length.
    int[] charAt = new int[n + 1];
    for (int i = 0; i < n; i++) {
      charAt[i + 1] = charAt[i] + offsets[i];
    }
    float[] best = new float[n + 1];
    int[] startsAt = new int[n + 1];
    int[] pieceId = new int[n + 1];
    Arrays.fill(startsAt, -1);
    startsAt[0] = 0;
    for (int from = 0; from < n; from++) {
      float here = best[from];
      boolean singleCharPiece = false;
      int longest = Math.min(maxPieceCodePoints, n - from);
      for (int length = 1; length <= longest; length++) {
        int to = from + length;
        Integer id = ids.get(normalized.substring(charAt[from], charAt[to]));
        if (id == null) {
          continue;
        }
        // As in SentencePiece, a piece's candidate is summed and compared in double but stored
        // as float; that decides between paths whose float sums tie.
        double candidate = (double) scores[id] + here;
        if (startsAt[to] < 0 || candidate > best[to]) {
          best[to] = (float) candidate;
          startsAt[to] = from;
          pieceId[to] = id;
        }
        singleCharPiece |= length == 1;
      }
      if (!singleCharPiece) {
        int to = from + 1;
        float candidate = unkScore + here;
        if (startsAt[to] < 0 || candidate > best[to]) {
          best[to] = candidate;
          startsAt[to] = from;
          pieceId[to] = unkId;
        }
      }
    }
    List<Piece> reversed = new ArrayList<>();
    for (int end = n; end > 0; end = startsAt[end]) {
      reversed.add(
          new Piece(normalized.substring(charAt[startsAt[end]], charAt[end]), pieceId[end]));
    }
    Collections.reverse(reversed);
    return mergeUnknownRuns(reversed);
  }

  private List<Piece> mergeUnknownRuns(List<Piece> pieces) {
    List<Piece> out = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      int last = out.size() - 1;
      if (p.id() == unkId && last >= 0 && out.get(last).id() == unkId) {
        out.set(last, new Piece(out.get(last).text() + p.text(), unkId));
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
