package io.livesubs.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.livesubs.app.stack.LivesubsTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployment in {@code docker-compose.yml} is valid for docker-compose, and creates the topics
 * with the same settings as the local stack ({@link LivesubsTopics}).
 *
 * <p>Needs the {@code docker-compose} command (Debian package, installed by {@code
 * scripts/install-prereqs.sh}); no Docker engine. Skipped when it is missing, except in CI (env
 * {@code CI} set), where a missing command fails the test.
 */
class DockerComposeConfigTest {

  private static final Path COMPOSE_FILE = repoRoot().resolve("docker-compose.yml");

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    boolean installed = onPath("docker-compose");
    if (!installed && System.getenv("CI") != null) {
      fail(
          "docker-compose is not installed, but CI must check docker-compose.yml;"
              + " run scripts/install-prereqs.sh");
    }
    Assumptions.assumeTrue(
        installed,
        "docker-compose not installed: skipping the docker-compose.yml check"
            + " (scripts/install-prereqs.sh installs it)");

    Path output = Files.createTempFile("docker-compose-config", ".txt");
    try {
      Process process =
          new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("docker-compose config did not finish within 2 minutes");
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), "docker-compose config rejected the file:\n" + text);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void initContainerCreatesTheTopicsLikeTheLocalStack() throws IOException {
    String compose = Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8);
    for (NewTopic topic : LivesubsTopics.definitions(LivesubsTopics.DEFAULT_PARTITIONS)) {
      String line =
          compose
              .lines()
              .filter(l -> l.contains("--topic " + topic.name() + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(topic.name() + " is not created"));
      assertTrue(
          line.contains("--partitions " + topic.numPartitions() + " "),
          topic.name() + ": partitions differ from LivesubsTopics: " + line);
      for (Map.Entry<String, String> config : topic.configs().entrySet()) {
        assertTrue(
            line.contains("--config " + config.getKey() + "=" + config.getValue()),
            topic.name() + ": " + config + " missing: " + line);
      }
    }
  }

  /** The repository root: surefire runs in the module directory, one level below it. */
  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve("docker-compose.yml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no docker-compose.yml in " + dir + " or above");
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
