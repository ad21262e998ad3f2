package io.livesubs.sink.http;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.schemas.CueConventions;
import io.livesubs.sink.testing.RawHttp;
import io.livesubs.sink.testing.ServerHarness;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubtitleHttpServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;
  private ServerHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness =
        new ServerHarness(
            stateDir, HttpConfig.onPort(0).withCorsOrigins(List.of("https://player.example")));
    harness
        .topology()
        .pipe(
            cue("s1", "en", 0, 0, true, 1000, 2000, "Hello & welcome"),
            cue("s1", "en", 1, 0, true, 5000, 7000, "across the boundary"),
            cue("s1", "en", 2, 0, false, 13_000, 14_000, "still typing"),
            cue("s1", "es", 0, 0, true, 1000, 2000, "Hola"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertEquals(
        "application/json", response.headers().firstValue("Content-Type").orElse(""), "type");
    return JSON.readTree(response.body());
  }

  @Test
  void listsStreamsWithLanguagesAndState() throws Exception {
    HttpResponse<String> response = harness.get("/streams");
    assertEquals(200, response.statusCode());
    JsonNode streams = json(response);
    assertEquals(1, streams.size());
    assertEquals("s1", streams.get(0).get("streamId").asText());
    assertEquals("live", streams.get(0).get("state").asText());
    assertEquals("[\"en\",\"es\"]", streams.get(0).get("languages").toString());
    harness.topology().pipe(CueConventions.endOfStream("s1", "en", 14_000, 0));
    harness.topology().pipe(CueConventions.endOfStream("s1", "es", 14_000, 0));
    assertEquals("ended", json(harness.get("/streams")).get(0).get("state").asText());
  }

  @Test
  void servesWholeTimelineAsWebVttAndSrtWithFinalCuesOnly() throws Exception {
    HttpResponse<String> vtt = harness.get("/streams/s1/en.vtt");
    assertEquals(200, vtt.statusCode());
    assertEquals("text/vtt; charset=utf-8", vtt.headers().firstValue("Content-Type").get());
    assertTrue(vtt.body().startsWith("WEBVTT\n"), vtt.body());
    assertTrue(vtt.body().contains("Hello &amp; welcome"), vtt.body());
    assertFalse(vtt.body().contains("still typing"), vtt.body());
    HttpResponse<String> srt = harness.get("/streams/s1/es.srt");
    assertEquals(200, srt.statusCode());
    assertEquals(
        "application/x-subrip; charset=utf-8", srt.headers().firstValue("Content-Type").get());
    assertEquals("1\n00:00:01,000 --> 00:00:02,000\nHola\n\n", srt.body());
  }

  @Test
  void servesPlaylistAndSegments() throws Exception {
    HttpResponse<String> playlist = harness.get("/streams/s1/en/playlist.m3u8");
    assertEquals(200, playlist.statusCode());
    assertEquals(
        "application/vnd.apple.mpegurl; charset=utf-8",
        playlist.headers().firstValue("Content-Type").get());
    // Final cues end at 7 s and a partial starts at 13 s: only segment 0 is complete.
    assertTrue(playlist.body().contains("#EXT-X-TARGETDURATION:6\n"), playlist.body());
    assertTrue(playlist.body().contains("\n0.vtt\n"), playlist.body());
    assertFalse(playlist.body().contains("1.vtt"), playlist.body());
    HttpResponse<String> segment = harness.get("/streams/s1/en/0.vtt");
    assertEquals(200, segment.statusCode());
    assertTrue(segment.body().contains("X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000"));
    assertTrue(segment.body().contains("00:00:05.000 --> 00:00:06.000\nacross the boundary"));
  }

  @Test
  void badSegmentNumbersAre400AndUnpublishedOnes404() throws Exception {
    assertEquals(400, harness.get("/streams/s1/en/abc.vtt").statusCode());
    assertEquals(400, harness.get("/streams/s1/en/-1.vtt").statusCode());
    assertEquals(400, harness.get("/streams/s1/en/99999999999999999999.vtt").statusCode());
    HttpResponse<String> missing = harness.get("/streams/s1/en/1.vtt");
    assertEquals(404, missing.statusCode());
    assertTrue(json(missing).get("error").asText().contains("segment 1 is not published"));
  }

  @Test
  void unknownStreamsAndLanguagesAre404WithShortJson() throws Exception {
    HttpResponse<String> stream = harness.get("/streams/nope/en.vtt");
    assertEquals(404, stream.statusCode());
    assertEquals("{\"error\":\"unknown stream 'nope'\"}", stream.body());
    assertEquals(404, harness.get("/streams/nope").statusCode());
    assertEquals(404, harness.get("/streams/nope/en/playlist.m3u8").statusCode());
    HttpResponse<String> language = harness.get("/streams/s1/fr.vtt");
    assertEquals(404, language.statusCode());
    assertTrue(json(language).get("error").asText().contains("no captions in language 'fr'"));
    assertEquals(404, harness.get("/nothing/here").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1", "1e3", "0x1", "1.5", "%31", "1%00", "%2e%2e%2f0", "0;1", "-0"})
  void segmentNumbersThatAreNotPlainDecimalsAre400(String segment) throws Exception {
    RawHttp.Response response =
        RawHttp.request(harness.port(), "GET", "/streams/s1/en/" + segment + ".vtt");
    assertEquals(400, response.status(), response.text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/streams/../etc/passwd",
        "/streams/%2e%2e/en.vtt",
        "/streams/s1/..%2fen.vtt",
        "/streams/s1/%2E%2E/en/0.vtt",
        "/streams/s1//en.vtt",
        "/streams/s1/./en.vtt",
        "/streams/s1%2fen.vtt",
        "/streams/.hidden/en.vtt",
        "/streams/s1/EN.vtt",
        "/streams/s1/en-/playlist.m3u8",
        "/streams/s1/events?lang=../../x"
      })
  void traversalAndMalformedPathsAre400(String target) throws Exception {
    RawHttp.Response response = RawHttp.request(harness.port(), "GET", target);
    assertEquals(400, response.status(), response.text());
    assertTrue(response.text().contains("{\"error\":"), response.text());
  }

  @Test
  void requestTargetsTheHttpLayerCannotParseAre400() throws Exception {
    assertEquals(400, RawHttp.request(harness.port(), "GET", "/streams/s1\\en.vtt").status());
    assertEquals(400, RawHttp.request(harness.port(), "GET", "/streams/s1/%zz.vtt").status());
  }

  @Test
  void overlongStreamIdIs400() throws Exception {
    assertEquals(400, harness.get("/streams/" + "a".repeat(65) + "/en.vtt").statusCode());
  }

  @Test
  void onlyGetAndHeadAreAllowed() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> response = harness.send(method, "/streams/s1/en.vtt");
      assertEquals(405, response.statusCode(), method);
      assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
    }
    HttpResponse<String> head = harness.send("HEAD", "/streams/s1/en.vtt");
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals("text/vtt; charset=utf-8", head.headers().firstValue("Content-Type").get());
  }

  @Test
  void corsAllowsOnlyConfiguredOrigins() throws Exception {
    HttpResponse<String> allowed =
        harness.get("/streams/s1/en.vtt", "Origin", "https://player.example");
    assertEquals(
        "https://player.example",
        allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> other =
        harness.get("/streams/s1/en.vtt", "Origin", "https://evil.example");
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    HttpResponse<String> preflight =
        harness.send(
            "OPTIONS",
            "/streams/s1/events?lang=en",
            "Origin",
            "https://player.example",
            "Access-Control-Request-Method",
            "GET");
    assertEquals(204, preflight.statusCode());
    assertEquals(
        "GET, HEAD", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
    assertEquals(405, harness.send("OPTIONS", "/streams").statusCode(), "not a preflight");
  }

  @Test
  void healthAndMetrics() throws Exception {
    HttpResponse<String> health = harness.get("/healthz");
    assertEquals(200, health.statusCode());
    assertEquals("UP", json(health).get("status").asText());
    HttpResponse<String> metrics = harness.get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("\nlivesubs_sink_cues 4\n"), metrics.body());
    assertTrue(metrics.body().contains("\nlivesubs_sink_final_cues 3\n"), metrics.body());
    assertTrue(metrics.body().contains("livesubs_sink_timelines{state=\"live\"} 2\n"));
    assertTrue(metrics.body().contains("\nlivesubs_sink_sse_clients 0\n"), metrics.body());
  }

  @Test
  void healthReportsDownWhenTheStreamsAreNotRunning(@TempDir Path otherDir) throws Exception {
    try (ServerHarness down =
        new ServerHarness(
            otherDir,
            HttpConfig.onPort(0),
            io.livesubs.sink.query.StreamLocator.LOCAL_ONLY,
            () -> new HealthCheck.Health(false, "PENDING_ERROR"))) {
      HttpResponse<String> health = down.get("/healthz");
      assertEquals(503, health.statusCode());
      assertEquals("PENDING_ERROR", json(health).get("state").asText());
    }
  }
}
