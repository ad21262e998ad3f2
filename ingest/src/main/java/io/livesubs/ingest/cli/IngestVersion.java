package io.livesubs.ingest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version line of {@code livesubs ingest}, from the Maven metadata packaged in the jar. */
final class IngestVersion implements IVersionProvider {

  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.livesubs/livesubs-ingest/pom.properties";

  @Override
  public String[] getVersion() throws IOException {
    Properties props = new Properties();
    try (InputStream in = IngestVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        props.load(in);
      }
    }
    return new String[] {"livesubs ingest " + props.getProperty("version", "(development build)")};
  }
}
