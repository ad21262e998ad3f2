package io.livesubs.sink.sse;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.schemas.CueConventions;
import io.livesubs.sink.http.HttpConfig;
import io.livesubs.sink.testing.Await;
import io.livesubs.sink.testing.ServerHarness;
import io.livesubs.sink.testing.SseTestClient;
import io.livesubs.sink.testing.SseTestClient.Event;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePushTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir Path stateDir;
  private ServerHarness harness;

  private ServerHarness start(SseSettings sse) throws Exception {
    harness = new ServerHarness(stateDir, HttpConfig.onPort(0).withSse(sse));
    return harness;
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private SseTestClient subscribe(String... headers) throws Exception {
    SseTestClient client = new SseTestClient(harness.uri("/streams/s1/events?lang=en"), headers);
    assertEquals(200, client.status());
    assertEquals("text/event-stream; charset=utf-8", client.header("Content-Type"));
    return client;
  }

  private static JsonNode data(Event event) throws Exception {
    return JSON.readTree(event.data());
  }

  @Test
  void clientReceivesPartialThenFinalInOrder() throws Exception {
    start(SseSettings.defaults());
    harness.topology().pipe(cue(0, 0, false, 0, 500, "hel"));
    try (SseTestClient client = subscribe()) {
      Event partial = client.next(DEADLINE);
      assertEquals("cue", partial.event());
      assertEquals(false, data(partial).get("final").asBoolean());
      assertEquals("hel", data(partial).get("text").asText());
      harness.topology().pipe(cue(0, 1, false, 0, 900, "hello wor"));
      Event revised = client.next(DEADLINE);
      assertEquals(1, data(revised).get("revision").asInt());
      harness.topology().pipe(cue(0, 2, true, 0, 1200, "hello world"));
      Event fin = client.next(DEADLINE);
      assertTrue(data(fin).get("final").asBoolean());
      assertEquals("hello world", data(fin).get("text").asText());
      assertTrue(partial.idNumber() < revised.idNumber() && revised.idNumber() < fin.idNumber());
      harness.topology().pipe(CueConventions.endOfStream("s1", "en", 1200, 0));
      Event end = client.next(DEADLINE);
      assertEquals("end", end.event());
      assertEquals(1200, data(end).get("endMs").asLong());
    }
  }

  @Test
  void resumeWithLastEventIdSkipsWhatWasSeen() throws Exception {
    start(SseSettings.defaults());
    harness.topology().pipe(cue(0, 0, true, 0, 1000, "one"), cue(1, 0, true, 1000, 2000, "two"));
    long seen;
    try (SseTestClient first = subscribe()) {
      first.next(DEADLINE);
      seen = first.next(DEADLINE).idNumber();
    }
    harness.topology().pipe(cue(2, 0, true, 2000, 3000, "three"));
    try (SseTestClient resumed = subscribe("Last-Event-ID", Long.toString(seen))) {
      Event next = resumed.next(DEADLINE);
      assertEquals("three", data(next).get("text").asText());
      assertTrue(next.idNumber() > seen);
    }
    try (SseTestClient fresh = subscribe()) {
      assertEquals("one", data(fresh.next(DEADLINE)).get("text").asText(), "no id: everything");
    }
  }

  @Test
  void eventsForUnknownStreamOrMissingLanguageAreRefused() throws Exception {
    start(SseSettings.defaults());
    harness.topology().pipe(cue(0, 0, true, 0, 1000, "one"));
    assertEquals(404, harness.get("/streams/nope/events?lang=en").statusCode());
    assertEquals(404, harness.get("/streams/s1/events?lang=fr").statusCode());
    assertEquals(400, harness.get("/streams/s1/events").statusCode());
    assertEquals(400, harness.get("/streams/s1/events?lang=en", "Last-Event-ID", "x").statusCode());
  }

  @Test
  void clientsPerStreamAreBoundedWith503() throws Exception {
    start(SseSettings.defaults().withMaxClientsPerStream(2).withHeartbeatMs(100));
    harness.topology().pipe(cue(0, 0, true, 0, 1000, "one"));
    try (SseTestClient a = subscribe();
        SseTestClient b = subscribe()) {
      a.next(DEADLINE);
      b.next(DEADLINE);
      HttpResponse<String> third = harness.get("/streams/s1/events?lang=en");
      assertEquals(503, third.statusCode());
      assertTrue(third.body().contains("too many live-push clients for stream 's1'"));
    }
    // Closed clients free their places once the server notices, at its next write (heartbeat).
    Await.until(() -> harness.server().sseClients() == 0, DEADLINE, "closed clients released");
    try (SseTestClient again = subscribe()) {
      assertEquals("one", data(again.next(DEADLINE)).get("text").asText());
    }
  }

  @Test
  void heartbeatsKeepIdleStreamsAlive() throws Exception {
    start(SseSettings.defaults().withHeartbeatMs(100));
    harness.topology().pipe(cue(0, 0, true, 0, 1000, "one"));
    try (SseTestClient client = subscribe()) {
      client.next(DEADLINE);
      Await.until(() -> client.comments() >= 3, DEADLINE, "three heartbeat comments");
      assertNull(client.poll(), "heartbeats are comments, not events");
    }
  }
}
