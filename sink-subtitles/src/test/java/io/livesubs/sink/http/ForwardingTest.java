package io.livesubs.sink.http;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.sink.query.StreamLocator;
import io.livesubs.sink.testing.ServerHarness;
import io.livesubs.sink.testing.SseTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers: {@code front} owns stream s1, {@code owner} owns s2. The ownership map stands
 * in for Kafka Streams metadata (the Kafka-backed multi-instance test needs a broker and lives in
 * the app module); the forwarding itself is real HTTP between the two.
 */
class ForwardingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path frontDir;
  @TempDir Path ownerDir;
  private ServerHarness owner;
  private ServerHarness front;
  private final Map<String, StreamLocator.Location> ownership =
      new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    owner = new ServerHarness(ownerDir, HttpConfig.onPort(0));
    owner.topology().pipe(cue("s2", "en", 0, 0, true, 0, 1000, "from the owner"));
    URI ownerUrl = owner.uri("");
    ownership.put("s2", StreamLocator.Location.remote(ownerUrl));
    StreamLocator locator =
        new StreamLocator() {
          @Override
          public Location locate(String streamId) {
            return ownership.getOrDefault(streamId, Location.LOCAL);
          }

          @Override
          public List<URI> peers() {
            return List.of(ownerUrl);
          }
        };
    front = new ServerHarness(frontDir, HttpConfig.onPort(0), locator, HealthCheck.ALWAYS_UP);
    front.topology().pipe(cue("s1", "en", 0, 0, true, 0, 1000, "local"));
  }

  @AfterEach
  void stop() {
    front.close();
    owner.close();
  }

  @Test
  void documentsOfAStreamOwnedElsewhereAreFetchedFromTheOwner() throws Exception {
    HttpResponse<String> vtt = front.get("/streams/s2/en.vtt");
    assertEquals(200, vtt.statusCode());
    assertEquals("text/vtt; charset=utf-8", vtt.headers().firstValue("Content-Type").get());
    assertTrue(vtt.body().contains("from the owner"), vtt.body());
    HttpResponse<String> missing = front.get("/streams/s2/fr.vtt");
    assertEquals(404, missing.statusCode(), "the owner's 404 is relayed");
    assertTrue(front.get("/metrics").body().contains("\nlivesubs_sink_http_forwarded_total 2\n"));
  }

  @Test
  void streamListCoversAllInstances() throws Exception {
    JsonNode streams = JSON.readTree(front.get("/streams").body());
    assertEquals(2, streams.size(), streams.toString());
    assertEquals("s1", streams.get(0).get("streamId").asText());
    assertEquals("s2", streams.get(1).get("streamId").asText());
  }

  @Test
  void eventStreamsAreRelayedIncludingResume() throws Exception {
    try (SseTestClient client = new SseTestClient(front.uri("/streams/s2/events?lang=en"))) {
      assertEquals(200, client.status());
      SseTestClient.Event first = client.next(Duration.ofSeconds(10));
      assertTrue(first.data().contains("from the owner"), first.data());
      owner.topology().pipe(cue("s2", "en", 1, 0, true, 1000, 2000, "pushed later"));
      assertTrue(client.next(Duration.ofSeconds(10)).data().contains("pushed later"));
    }
    try (SseTestClient resumed =
        new SseTestClient(front.uri("/streams/s2/events?lang=en"), "Last-Event-ID", "1")) {
      assertTrue(resumed.next(Duration.ofSeconds(10)).data().contains("pushed later"));
    }
  }

  @Test
  void unreachableOwnerIs502AndUnknownOwnershipIs503() throws Exception {
    ownership.put("gone", StreamLocator.Location.remote(URI.create("http://127.0.0.1:1")));
    HttpResponse<String> gone = front.get("/streams/gone/en.vtt");
    assertEquals(502, gone.statusCode());
    assertTrue(gone.body().contains("unreachable"), gone.body());
    ownership.put("moving", StreamLocator.Location.UNAVAILABLE);
    HttpResponse<String> moving = front.get("/streams/moving/en.vtt");
    assertEquals(503, moving.statusCode());
    assertEquals("1", moving.headers().firstValue("Retry-After").orElse(null));
  }
}
