package io.livesubs.ingest;

import java.util.regex.Pattern;

/**
 * Checks language hints: BCP-47 tags in their common shape, a 2-3 letter primary language (or
 * {@code und}) followed by optional subtags of 1-8 letters or digits, e.g. {@code en}, {@code
 * en-US}, {@code zh-Hant-TW}, {@code es-419}. Stateless.
 */
public final class LanguageTags {

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final int MAX_LENGTH = 35;

  private LanguageTags() {}

  /**
   * Returns {@code tag} if it is a plausible BCP-47 language tag.
   *
   * @throws IllegalArgumentException naming the bad tag
   */
  public static String validate(String tag) {
    if (tag == null || tag.length() > MAX_LENGTH || !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "language '" + tag + "' is not a BCP-47 language tag (e.g. en, en-US, es-419)");
    }
    return tag;
  }
}
