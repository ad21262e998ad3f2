package io.livesubs.inference.mt.marian.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A Marian model's joint vocabulary ({@code vocab.json}: piece → id), the ids the ONNX model reads
 * and writes. Source and target SentencePiece models produce pieces; this maps them to model ids
 * and back. Ids are dense: {@code 0 .. size() - 1}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarianVocabulary {
  private final Map<String, Integer> ids;
  private final String[] pieces;

  private MarianVocabulary(Map<String, Integer> ids, String[] pieces) {
    this.ids = ids;
    this.pieces = pieces;
  }

  /**
   * Reads {@code vocab.json}.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the file if it is not a JSON object of dense ids
   */
  public static MarianVocabulary read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw new IllegalArgumentException(file + " must be a JSON object of piece → id");
    }
    Map<String, Integer> ids = new HashMap<>(root.size() * 2);
    String[] pieces = new String[root.size()];
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      JsonNode value = e.getValue();
      int id = value.canConvertToInt() ? value.asInt(-1) : -1;
      if (!value.isIntegralNumber() || id < 0 || id >= pieces.length || pieces[id] != null) {
        throw new IllegalArgumentException(
            file
                + ": id of '"
                + e.getKey()
                + "' must be a unique integer in 0.."
                + (pieces.length - 1)
                + ", was "
                + value);
      }
      pieces[id] = e.getKey();
      ids.put(e.getKey(), id);
    }
    return new MarianVocabulary(Map.copyOf(ids), pieces);
  }

  /** Number of entries (the model's output vocabulary size). */
  public int size() {
    return pieces.length;
  }

  /** The id of {@code piece}, if the vocabulary has it. */
  public OptionalInt find(String piece) {
    Integer id = ids.get(piece);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /**
   * The id of {@code piece}, which must be present.
   *
   * @throws IllegalArgumentException naming the missing piece
   */
  public int require(String piece) {
    Integer id = ids.get(piece);
    if (id == null) {
      throw new IllegalArgumentException("vocab.json has no entry '" + piece + "'");
    }
    return id;
  }

  /** The piece with id {@code id}; {@code null} if out of range. */
  public String piece(int id) {
    return id >= 0 && id < pieces.length ? pieces[id] : null;
  }
}
