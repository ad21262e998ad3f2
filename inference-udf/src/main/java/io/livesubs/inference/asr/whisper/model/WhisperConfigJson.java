package io.livesubs.inference.asr.whisper.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.inference.models.ModelLoadException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a Hugging Face Whisper {@code config.json} into a {@link WhisperModelConfig}.
 *
 * <p>Keys used: {@code num_mel_bins}, {@code max_source_positions}, {@code max_target_positions},
 * {@code d_model}, {@code encoder_layers}, {@code decoder_layers}, {@code decoder_attention_heads},
 * {@code vocab_size} and, for the label, {@code _name_or_path}. Whether the model is multilingual
 * and how many language tokens it has follow from the vocabulary size: the multilingual vocabulary
 * has 50257 BPE ranks and the English-only one 50256, each followed by 1509 special tokens besides
 * the languages (51865 → 99 languages, 51866 → 100 as in large-v3, 51864 → English-only).
 *
 * <p>Stateless and thread-safe.
 */
public final class WhisperConfigJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MULTILINGUAL_RANKS = 50257;
  private static final int ENGLISH_RANKS = 50256;
  private static final int SPECIALS_BESIDES_LANGUAGES = 1509;
  private static final int MULTILINGUAL_MIN_VOCAB = 51865;
  private static final int MAX_LANGUAGES = 100;

  private WhisperConfigJson() {}

  /**
   * Reads {@code configFile}.
   *
   * @param fallbackName the label when the file has no {@code _name_or_path}
   * @throws ModelLoadException naming the file and the missing or bad key
   */
  public static WhisperModelConfig read(Path configFile, String fallbackName) {
    JsonNode root;
    try {
      root = JSON.readTree(configFile.toFile());
    } catch (IOException e) {
      throw new ModelLoadException("cannot read " + configFile + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelLoadException(configFile + " is not a JSON object");
    }
    try {
      int vocab = intKey(root, "vocab_size", configFile);
      boolean multilingual = vocab >= MULTILINGUAL_MIN_VOCAB;
      int languages =
          vocab - (multilingual ? MULTILINGUAL_RANKS : ENGLISH_RANKS) - SPECIALS_BESIDES_LANGUAGES;
      if (languages < 1 || languages > MAX_LANGUAGES) {
        throw new ModelLoadException(
            configFile + ": vocab_size " + vocab + " is not a Whisper vocabulary (51864..51866)");
      }
      return new WhisperModelConfig(
          label(root, fallbackName),
          intKey(root, "num_mel_bins", configFile),
          intKey(root, "max_source_positions", configFile),
          intKey(root, "max_target_positions", configFile),
          intKey(root, "d_model", configFile),
          intKey(root, "encoder_layers", configFile),
          intKey(root, "decoder_layers", configFile),
          intKey(root, "decoder_attention_heads", configFile),
          vocab,
          multilingual,
          languages);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(configFile + ": " + e.getMessage(), e);
    }
  }

  private static String label(JsonNode root, String fallbackName) {
    JsonNode path = root.get("_name_or_path");
    if (path != null && path.isTextual() && !path.asText().isBlank()) {
      String text = path.asText().replace('\\', '/');
      return text.substring(text.lastIndexOf('/') + 1);
    }
    return fallbackName;
  }

  private static int intKey(JsonNode root, String key, Path file) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      throw new ModelLoadException(file + " lacks the key '" + key + "'");
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new ModelLoadException(file + ": '" + key + "' must be an integer, was " + node);
    }
    return node.intValue();
  }
}
