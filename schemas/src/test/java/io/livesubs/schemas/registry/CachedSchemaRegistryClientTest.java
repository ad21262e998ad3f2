package io.livesubs.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.SubtitleCue;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CachedSchemaRegistryClientTest {

  @Test
  void unreachableRegistryFailsQuicklyNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    try (CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(url)) {
      long start = System.nanoTime();
      SchemaRegistryException e =
          assertThrows(
              SchemaRegistryException.class,
              () -> client.register("livesubs.audio-value", AudioChunk.getClassSchema()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(
          e.getMessage().startsWith("schema registry at " + url + " unreachable"), e.getMessage());
      assertEquals(SchemaRegistryException.NO_RESPONSE, e.httpStatus());
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }
  }

  @Test
  void registryThatNeverAnswersFailsAfterTheRequestTimeout() throws Exception {
    // Accepts connections and reads nothing: the request would hang without a timeout.
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (Exception closed) {
                  // socket closed at the end of the test
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      try (CachedSchemaRegistryClient client =
          CachedSchemaRegistryClient.builder(url)
              .connectTimeout(Duration.ofMillis(500))
              .requestTimeout(Duration.ofMillis(500))
              .build()) {
        long start = System.nanoTime();
        SchemaRegistryException e =
            assertThrows(SchemaRegistryException.class, () -> client.getById(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
      } finally {
        for (Socket socket : accepted) {
          socket.close();
        }
      }
    }
  }

  @Test
  void cachesIdsAndSchemasSoAStoppedRegistryIsNotAskedAgain() throws Exception {
    DevSchemaRegistry registry = new DevSchemaRegistry().start();
    try (CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(registry.url())) {
      int id = client.register("livesubs.cues-value", SubtitleCue.getClassSchema());
      registry.close();
      assertEquals(id, client.register("livesubs.cues-value", SubtitleCue.getClassSchema()));
      assertEquals(id, client.lookupId("livesubs.cues-value", SubtitleCue.getClassSchema()));
      assertEquals(SubtitleCue.getClassSchema(), client.getById(id));
      // uncached calls reach the (stopped) registry
      assertThrows(SchemaRegistryException.class, () -> client.getLatest("livesubs.cues-value"));
      assertThrows(SchemaRegistryException.class, () -> client.getById(id + 1));
    } finally {
      registry.close();
    }
  }

  @Test
  void subjectsWithUnusualCharactersAreEncoded() throws Exception {
    try (DevSchemaRegistry registry = new DevSchemaRegistry().start();
        CachedSchemaRegistryClient client =
            CachedSchemaRegistryClient.forUrl(registry.url() + "/")) {
      String subject = "a b+c/d%e-value";
      int id = client.register(subject, AudioChunk.getClassSchema());
      RegisteredSchema latest = client.getLatest(subject);
      assertEquals(subject, latest.subject());
      assertEquals(id, latest.id());
      RawRegistryHttp.Answer subjects =
          RawRegistryHttp.call("GET", registry.url() + "/subjects", null);
      assertEquals(subject, subjects.json().get(0).asText());
    }
  }

  @Test
  void rejectsBadUrlsAndTimeouts() {
    for (String bad :
        new String[] {"", "localhost:8081", "ftp://x", "http://a:1,http://b:2", "http://"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> CachedSchemaRegistryClient.forUrl(bad));
      assertTrue(e.getMessage().contains("schema registry URL"), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> CachedSchemaRegistryClient.builder("http://x").requestTimeout(Duration.ZERO).build());
    assertEquals("http://x:1", CachedSchemaRegistryClient.checkUrl(" http://x:1/ "));
  }

  @Test
  void closedClientRefusesCalls() throws Exception {
    CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl("http://127.0.0.1:1");
    client.close();
    client.close();
    assertThrows(IllegalStateException.class, () -> client.getById(1));
  }
}
