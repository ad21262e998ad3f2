package io.livesubs.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies {@code livesubs --version} from {@code livesubs-version.properties}, which the build
 * fills in from the Maven project version. Stateless and thread-safe.
 */
public final class VersionProvider implements IVersionProvider {

  static final String RESOURCE = "/livesubs-version.properties";

  @Override
  public String[] getVersion() {
    Properties props = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new String[] {
      "livesubs " + props.getProperty("version", "(unknown version)"),
      "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name")
    };
  }
}
