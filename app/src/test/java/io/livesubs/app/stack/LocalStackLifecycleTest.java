package io.livesubs.app.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start and stop of the local stack: ports released, data kept or deleted, close idempotent. */
class LocalStackLifecycleTest {

  @Test
  void closeReleasesPortsKeepsGivenDataAndIsIdempotent(@TempDir Path dir) throws IOException {
    LocalStack stack = LocalStack.builder().ephemeralPorts().slots(1).dataDir(dir).start();
    int kafkaPort = Integer.parseInt(stack.bootstrapServers().split(":")[1]);
    int registryPort = URI.create(stack.registryUrl()).getPort();
    int webPort = URI.create(stack.flinkWebUrl()).getPort();

    stack.close();
    stack.close();

    assertTrue(Files.exists(dir.resolve("kafka/logs/meta.properties")), "Kafka data kept");
    for (int port : new int[] {kafkaPort, registryPort, webPort}) {
      assertTrue(canBind(port), "port " + port + " still in use after close");
    }
  }

  @Test
  void temporaryDataIsDeletedOnClose() {
    LocalStack stack = LocalStack.builder().ephemeralPorts().slots(1).start();
    Path dir = stack.dataDir();
    assertTrue(Files.isDirectory(dir));
    stack.close();
    assertFalse(Files.exists(dir), "temporary stack data must be deleted on close");
  }

  @Test
  void portInUseFailsBeforeAnythingStartsAndNamesThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
      int port = taken.getLocalPort();
      LocalStack.Builder builder =
          LocalStack.builder().ephemeralPorts().slots(1).registryPort(port);
      IllegalStateException e = assertThrows(IllegalStateException.class, builder::start);
      assertTrue(
          e.getMessage().contains("schema registry port " + port),
          "unexpected message: " + e.getMessage());
    }
  }

  @Test
  void failureHalfWayStopsWhatHadStarted(@TempDir Path dir) throws IOException {
    // The registry cannot keep its state where a plain file is in the way; the broker has
    // already started by then and must be stopped again.
    Files.writeString(dir.resolve("registry"), "not a directory");
    int kafkaPort = Loopback.freePort();
    LocalStack.Builder builder =
        LocalStack.builder().ephemeralPorts().kafkaPort(kafkaPort).slots(1).dataDir(dir);
    RuntimeException e = assertThrows(RuntimeException.class, builder::start);
    assertTrue(
        e.getMessage().startsWith("cannot start the local stack"),
        "unexpected message: " + e.getMessage());
    assertTrue(canBind(kafkaPort), "broker still listening after a failed start");
  }

  @Test
  void badSettingsAreRejectedWithTheirName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LocalStack.builder().partitions(0));
    assertTrue(e.getMessage().contains("partitions"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LocalStack.builder().webPort(70000));
    assertTrue(e.getMessage().contains("web port"), e.getMessage());
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Loopback.HOST))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
