package io.livesubs.inference.mt.marian.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What decoding needs from a Marian model's {@code config.json} (and the language pair from {@code
 * tokenizer_config.json}, when it has one). Immutable.
 *
 * @param vocabSize number of output logits
 * @param decoderLayers decoder layers (one cache entry set per layer)
 * @param maxPositions the longest sequence the position table covers
 * @param eosTokenId id that ends a translation ({@code </s>})
 * @param padTokenId padding id of the encoder input
 * @param decoderStartTokenId the decoder's first input (Marian: the pad id)
 * @param bannedTokenIds ids never generated (single-token {@code bad_words_ids}: the pad id)
 * @param sourceLanguage {@code source_lang} of tokenizer_config.json, or null
 * @param targetLanguage {@code target_lang} of tokenizer_config.json, or null
 */
public record MarianModelConfig(
    int vocabSize,
    int decoderLayers,
    int maxPositions,
    int eosTokenId,
    int padTokenId,
    int decoderStartTokenId,
    List<Integer> bannedTokenIds,
    String sourceLanguage,
    String targetLanguage) {

  /** Copies the banned ids. */
  public MarianModelConfig {
    bannedTokenIds = List.copyOf(bannedTokenIds);
  }

  /**
   * Reads {@code config.json} and, if present, {@code tokenizer_config.json} of {@code folder}.
   *
   * @throws ModelLoadException naming the file and the missing or bad key
   */
  public static MarianModelConfig read(MarianModelFolder folder) {
    ObjectMapper json = new ObjectMapper();
    JsonNode config = readJson(json, folder.config());
    String model = config.path("model_type").asText("");
    if (!model.equals("marian")) {
      throw new ModelLoadException(
          folder.config() + ": model_type is '" + model + "', expected 'marian'");
    }
    int pad = intKey(config, "pad_token_id", folder.config());
    List<Integer> banned = new ArrayList<>();
    for (JsonNode words : config.path("bad_words_ids")) {
      if (words.isArray() && words.size() == 1 && words.get(0).canConvertToInt()) {
        banned.add(words.get(0).asInt());
      }
    }
    if (!banned.contains(pad)) {
      // Padding is never a real output token, whatever bad_words_ids says.
      banned.add(pad);
    }
    String source = null;
    String target = null;
    Path tokenizerConfig = folder.dir().resolve(MarianModelFolder.TOKENIZER_CONFIG);
    if (Files.isRegularFile(tokenizerConfig)) {
      JsonNode t = readJson(json, tokenizerConfig);
      source = t.hasNonNull("source_lang") ? t.get("source_lang").asText() : null;
      target = t.hasNonNull("target_lang") ? t.get("target_lang").asText() : null;
    }
    return new MarianModelConfig(
        intKey(config, "vocab_size", folder.config()),
        intKey(config, "decoder_layers", folder.config()),
        config.path("max_position_embeddings").asInt(512),
        intKey(config, "eos_token_id", folder.config()),
        pad,
        config.has("decoder_start_token_id")
            ? intKey(config, "decoder_start_token_id", folder.config())
            : pad,
        banned,
        source,
        target);
  }

  private static JsonNode readJson(ObjectMapper json, Path file) {
    try {
      JsonNode node = json.readTree(Files.readAllBytes(file));
      if (node == null || !node.isObject()) {
        throw new ModelLoadException(file + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static int intKey(JsonNode config, String key, Path file) {
    JsonNode value = config.get(key);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ModelLoadException(file + ": '" + key + "' must be an integer, was " + value);
    }
    return value.asInt();
  }
}
