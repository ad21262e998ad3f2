package io.livesubs.inference.mt.marian;

import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.mt.marian.model.MarianModelConfig;
import io.livesubs.inference.mt.marian.tokenizer.MarianVocabulary;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translation directions of a Marian model: one source language and its target languages. A
 * model whose vocabulary has target tokens ({@code >>es<<}, {@code >>fr<<}, … in multilingual
 * opus-mt models) translates into each of them and needs the token in front of the source; a
 * bilingual model has one target and no token. Immutable.
 *
 * @param source the source language (lower-case primary subtag)
 * @param targets the target languages (lower-case primary subtags)
 * @param targetTokens whether the source must start with the target's {@code >>xx<<} token
 */
record MarianLanguages(String source, Set<String> targets, boolean targetTokens) {

  private static final Pattern TARGET_TOKEN = Pattern.compile(">>([a-z]{2,3})<<");

  MarianLanguages {
    targets = Set.copyOf(targets);
  }

  /**
   * The languages of a model: {@code config}'s overrides first, else {@code tokenizer_config.json}.
   *
   * @throws ModelLoadException if neither names the pair
   */
  static MarianLanguages of(
      MarianTranslatorConfig config, MarianModelConfig model, MarianVocabulary vocabulary) {
    String source =
        config.sourceLanguage() != null ? config.sourceLanguage() : model.sourceLanguage();
    String target =
        config.targetLanguage() != null ? config.targetLanguage() : model.targetLanguage();
    if (source == null || target == null) {
      throw new ModelLoadException(
          "the Marian model in "
              + config.modelDir()
              + " does not name its languages (no source_lang/target_lang in"
              + " tokenizer_config.json): set them explicitly");
    }
    Set<String> tokens = new TreeSet<>();
    for (int id = 0; id < vocabulary.size(); id++) {
      Matcher m = TARGET_TOKEN.matcher(vocabulary.piece(id));
      if (m.matches()) {
        tokens.add(m.group(1));
      }
    }
    String src = MarianTranslator.primarySubtag(source).toLowerCase(Locale.ROOT);
    if (!tokens.isEmpty()) {
      return new MarianLanguages(src, tokens, true);
    }
    return new MarianLanguages(
        src, Set.of(MarianTranslator.primarySubtag(target).toLowerCase(Locale.ROOT)), false);
  }

  /** Whether {@code source → target} (BCP-47 tags; only primary subtags count) is served. */
  boolean supports(String sourceTag, String targetTag) {
    if (sourceTag == null || targetTag == null) {
      return false;
    }
    return source.equals(MarianTranslator.primarySubtag(sourceTag).toLowerCase(Locale.ROOT))
        && targets.contains(MarianTranslator.primarySubtag(targetTag).toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return source + " → " + String.join(",", new TreeSet<>(targets));
  }
}
