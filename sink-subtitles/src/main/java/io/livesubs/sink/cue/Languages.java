package io.livesubs.sink.cue;

import java.util.regex.Pattern;

/**
 * Validation of language tags in cues and URL paths: a small BCP-47 subset, a primary subtag of 2–3
 * lower-case letters followed by subtags of 2–8 letters or digits ({@code en}, {@code pt-BR},
 * {@code zh-Hans}). The rule keeps path separators, dots and percent signs out of URLs and store
 * keys. Stateless and thread-safe.
 */
public final class Languages {

  /** Longest accepted language tag. */
  public static final int MAX_LENGTH = 35;

  private static final Pattern VALID = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private Languages() {}

  /** Returns whether {@code tag} is an accepted language tag. */
  public static boolean isValid(String tag) {
    return tag != null && tag.length() <= MAX_LENGTH && VALID.matcher(tag).matches();
  }

  /**
   * Returns {@code tag} if valid.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String validate(String tag) {
    if (!isValid(tag)) {
      throw new IllegalArgumentException(
          "language '"
              + tag
              + "' is invalid: expected a BCP-47 tag such as 'en' or 'pt-BR' (2-3 lower-case"
              + " letters, then '-'-separated subtags of 2-8 letters or digits)");
    }
    return tag;
  }
}
