package io.livesubs.inference.mt.apertium;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips a test when Apertium is not installed, except in CI (environment variable {@code CI} set),
 * where a missing installation fails the test: {@code scripts/install-prereqs.sh} installs it.
 */
final class ApertiumAvailability {
  private ApertiumAvailability() {}

  /** Requires the Apertium tools (the mode tool above all), whatever pairs are installed. */
  static void requireTools() {
    require(
        ApertiumInstallation.onPath(ApertiumInstallation.MODE_TOOL),
        ApertiumInstallation.MODE_TOOL + " not on PATH");
  }

  /** Requires the system installation with the {@code eng-spa} pair; returns it. */
  static ApertiumInstallation requireEnglishSpanish() {
    requireTools();
    ApertiumInstallation system = ApertiumInstallation.system();
    require(system.modes().contains("eng-spa"), "no eng-spa mode in " + system.dataDir());
    return system;
  }

  private static void require(boolean present, String what) {
    String message =
        "Apertium not installed ("
            + what
            + "); install it with scripts/install-prereqs.sh (apt-get install apertium"
            + " apertium-eng-spa)";
    if (!present && System.getenv("CI") != null) {
      fail(message);
    }
    assumeTrue(present, message + ": test skipped");
  }
}
