package io.livesubs.inference.mt.apertium;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Maps BCP 47 language tags to the codes Apertium names its modes with. Newer pairs use ISO 639-3
 * codes ({@code eng-spa}, {@code eng-cat}), older ones ISO 639-1 ({@code en-gl}, {@code eo-en}),
 * and target variants add a suffix ({@code spa-eng_US}). A tag therefore maps to several candidate
 * codes, most specific first; which mode exists decides. Stateless and thread-safe.
 */
final class ApertiumLanguages {

  /** Apertium codes that differ from Java's ISO 639-2/T code of the language. */
  private static final Map<String, String> APERTIUM_CODE =
      Map.of("sr", "hbs", "hr", "hbs", "bs", "hbs", "sh", "hbs", "no", "nob");

  private ApertiumLanguages() {}

  /**
   * Candidate Apertium codes for {@code tag}, most specific first: with the region suffix (when the
   * tag has one), then the ISO 639-3 code, then the tag's own language subtag.
   *
   * @throws IllegalArgumentException if {@code tag} is not a well-formed BCP 47 language tag
   */
  static List<String> candidates(String tag) {
    Locale locale = parse(tag);
    String language = locale.getLanguage();
    Set<String> bases = new LinkedHashSet<>();
    String special = APERTIUM_CODE.get(language);
    if (special != null) {
      bases.add(special);
    }
    try {
      bases.add(locale.getISO3Language());
    } catch (MissingResourceException e) {
      // No three-letter code known to Java: the tag's own subtag remains a candidate.
    }
    bases.add(language);
    List<String> out = new ArrayList<>();
    if (!locale.getCountry().isEmpty()) {
      for (String base : bases) {
        out.add(base + "_" + locale.getCountry());
      }
    }
    out.addAll(bases);
    return out;
  }

  private static Locale parse(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("language tag must not be empty");
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
      if (locale.getLanguage().isEmpty()) {
        throw new IllegalArgumentException("'" + tag + "' has no language subtag");
      }
      return locale;
    } catch (IllformedLocaleException e) {
      throw new IllegalArgumentException(
          "'" + tag + "' is not a BCP 47 language tag: " + e.getMessage(), e);
    }
  }
}
