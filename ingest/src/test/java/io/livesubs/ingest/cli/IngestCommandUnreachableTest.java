package io.livesubs.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreachable services give one line and exit code 1 within a bounded time. The registry is the
 * real development registry; the broker address is a port nobody listens on.
 */
class IngestCommandUnreachableTest {

  private static final long BOUND_NANOS = 15_000_000_000L;

  @TempDir Path dir;

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private IngestCommandTest.Result ingest(String bootstrap, String registry) throws IOException {
    Path wav = dir.resolve("one-second.wav");
    Files.write(wav, IngestCommandTest.wav(16_000, 1));
    return IngestCommandTest.run(
        new ByteArrayInputStream(new byte[0]),
        "--stream-id",
        "s",
        "--input",
        wav.toString(),
        "--fast",
        "--bootstrap-servers",
        bootstrap,
        "--schema-registry",
        registry);
  }

  private static void assertFailure(IngestCommandTest.Result r, long nanos, String part) {
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(1, r.lines().size(), "one line expected:\n" + r.err());
    assertTrue(
        r.lines().get(0).startsWith("livesubs: ") && r.lines().get(0).contains(part), r.err());
    assertTrue(nanos < BOUND_NANOS, "took " + nanos / 1e9 + " s");
  }

  @Test
  void unreachableRegistry() throws IOException {
    String registry = "http://127.0.0.1:" + closedPort();
    long start = System.nanoTime();
    IngestCommandTest.Result r = ingest("127.0.0.1:" + closedPort(), registry);
    assertFailure(r, System.nanoTime() - start, "schema registry at " + registry);
  }

  @Test
  void unreachableBroker() throws IOException {
    try (DevSchemaRegistry registry = new DevSchemaRegistry().start()) {
      String bootstrap = "127.0.0.1:" + closedPort();
      long start = System.nanoTime();
      IngestCommandTest.Result r = ingest(bootstrap, registry.url());
      assertFailure(r, System.nanoTime() - start, "cannot reach Kafka at " + bootstrap);
    }
  }
}
