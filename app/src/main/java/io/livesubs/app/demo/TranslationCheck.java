package io.livesubs.app.demo;

import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * Checks, before the demo starts anything, that Apertium can translate the spoken language into
 * every {@code --translate} target, so that a missing language pair is one clear line naming the
 * Debian package to install rather than a failing job. Stateless and thread-safe; reads the
 * installation's {@code modes/} directory on each call.
 */
public final class TranslationCheck {

  private TranslationCheck() {}

  /**
   * Checks {@code source} → each of {@code targets} against {@code installation}.
   *
   * @throws IllegalArgumentException naming the first unsupported pair and the package to install
   */
  public static void requireSupported(
      ApertiumInstallation installation, String source, List<String> targets) {
    for (String target : targets) {
      boolean supported;
      try {
        supported = installation.resolve(source, target).isPresent();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--translate " + target + ": not a language Apertium knows (" + e.getMessage() + ")");
      }
      if (!supported) {
        throw new IllegalArgumentException(
            "Apertium cannot translate "
                + source
                + " to "
                + target
                + " (no such mode in "
                + installation.dataDir().resolve("modes")
                + "); install it with: apt-get install apertium "
                + packageName(source, target));
      }
    }
  }

  /** Debian's name of the Apertium language pair, e.g. {@code apertium-eng-spa} for en → es. */
  static String packageName(String source, String target) {
    return "apertium-" + iso3(source) + "-" + iso3(target);
  }

  private static String iso3(String tag) {
    try {
      String code = new Locale.Builder().setLanguageTag(tag).build().getISO3Language();
      return code.isEmpty() ? tag.toLowerCase(Locale.ROOT) : code;
    } catch (IllformedLocaleException | MissingResourceException e) {
      return tag.toLowerCase(Locale.ROOT);
    }
  }
}
