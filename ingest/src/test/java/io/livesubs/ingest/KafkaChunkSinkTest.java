package io.livesubs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.registry.DevSchemaRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Connectivity failures of the Kafka sink, without a broker: a port nobody listens on, and the real
 * development schema registry. Broker-level behaviour is tested in module app.
 */
class KafkaChunkSinkTest {

  private static String closedAddress() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  @Test
  void unreachableBrokerFailsWithinTheTimeout() throws IOException {
    String bootstrap = closedAddress();
    try (DevSchemaRegistry registry = new DevSchemaRegistry().start()) {
      long start = System.nanoTime();
      IngestException e =
          assertThrows(
              IngestException.class,
              () ->
                  KafkaChunkSink.builder()
                      .bootstrapServers(bootstrap)
                      .schemaRegistryUrl(registry.url())
                      .timeout(Duration.ofSeconds(2))
                      .build());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(
          "cannot reach Kafka at " + bootstrap + ": no broker answered within 2 s", e.getMessage());
      assertTrue(seconds >= 1.5 && seconds < 6, "failed after " + seconds + " s");
    }
  }

  @Test
  void unresolvableBrokerFailsAtOnce() throws IOException {
    try (DevSchemaRegistry registry = new DevSchemaRegistry().start()) {
      IngestException e =
          assertThrows(
              IngestException.class,
              () ->
                  KafkaChunkSink.builder()
                      .bootstrapServers("no-such-host.invalid:9092")
                      .schemaRegistryUrl(registry.url())
                      .build());
      assertTrue(
          e.getMessage().startsWith("cannot reach Kafka at no-such-host.invalid:9092: "),
          e.getMessage());
    }
  }

  @Test
  void unreachableRegistryIsNamed() throws IOException {
    String url = "http://" + closedAddress();
    IngestException e =
        assertThrows(
            IngestException.class,
            () ->
                KafkaChunkSink.builder()
                    .bootstrapServers(closedAddress())
                    .schemaRegistryUrl(url)
                    .build());
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }

  @Test
  void missingSettingsAreNamed() {
    assertEquals(
        "Kafka bootstrap servers are not set",
        assertThrows(
                IllegalArgumentException.class,
                () -> KafkaChunkSink.builder().schemaRegistryUrl("http://localhost:1").build())
            .getMessage());
    assertEquals(
        "schema registry URL is not set",
        assertThrows(
                IllegalArgumentException.class,
                () -> KafkaChunkSink.builder().bootstrapServers("localhost:1").build())
            .getMessage());
  }
}
