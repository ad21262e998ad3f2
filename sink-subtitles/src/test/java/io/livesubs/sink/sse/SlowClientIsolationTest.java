package io.livesubs.sink.sse;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.sink.http.HttpConfig;
import io.livesubs.sink.testing.Await;
import io.livesubs.sink.testing.ServerHarness;
import io.livesubs.sink.testing.SseTestClient;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that never reads its event stream must not delay other clients, the pump or the stream
 * thread. The stalled client's socket has a tiny receive buffer and the cues are large, so its
 * connection fills after a few megabytes while the healthy client must get everything.
 */
class SlowClientIsolationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CUES = 1200;
  private static final String BIG_TEXT = "x".repeat(4000);

  @TempDir Path stateDir;
  private ServerHarness harness;
  private Socket stalled;

  @AfterEach
  void stop() throws Exception {
    if (stalled != null) {
      stalled.close();
    }
    if (harness != null) {
      harness.close();
    }
  }

  private void startWith(SseSettings sse) throws Exception {
    harness = new ServerHarness(stateDir, HttpConfig.onPort(0).withSse(sse));
    harness.topology().pipe(cue(0, 0, true, 0, 900, "first"));
    stalled = new Socket();
    stalled.setReceiveBufferSize(4096);
    stalled.connect(new InetSocketAddress("127.0.0.1", harness.port()), 5000);
    OutputStream out = stalled.getOutputStream();
    out.write(
        ("GET /streams/s1/events?lang=en HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    Await.until(
        () -> harness.server().sseClients() == 1, Duration.ofSeconds(10), "stalled client in");
  }

  private void pipeBigCues() {
    for (int i = 1; i <= CUES; i++) {
      harness.topology().pipe(cue(i, 0, true, i * 1000L, i * 1000L + 900, BIG_TEXT + " #" + i));
    }
  }

  private long metric(String name) throws Exception {
    String body = harness.get("/metrics").body();
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\d+)$").matcher(body);
    assertTrue(m.find(), name + " in " + body);
    return Long.parseLong(m.group(1));
  }

  @Test
  @Timeout(120)
  void stalledClientDoesNotDelayAHealthyOne() throws Exception {
    startWith(SseSettings.defaults().withQueueCapacity(64).withStallTimeoutMs(600_000));
    try (SseTestClient healthy = new SseTestClient(harness.uri("/streams/s1/events?lang=en"))) {
      assertEquals(
          "first", JSON.readTree(healthy.next(Duration.ofSeconds(10)).data()).get("text").asText());
      pipeBigCues();
      healthy.awaitMatching(e -> e.data().contains(BIG_TEXT + " #" + CUES), Duration.ofSeconds(60));
      // The stalled client really is stalled: far from all events could be handed to it.
      long queued = metric("livesubs_sink_sse_events_total");
      assertTrue(queued < 2L * (CUES + 1) - 100, "events queued to both clients: " + queued);
      assertEquals(2, harness.server().sseClients(), "the stalled client is still connected");

      long start = System.nanoTime();
      harness.topology().pipe(cue(CUES + 1, 0, true, 2_000_000, 2_000_500, "ping"));
      long piped = System.nanoTime();
      healthy.awaitMatching(e -> e.data().contains("\"ping\""), Duration.ofSeconds(2));
      long delivered = System.nanoTime();
      assertTrue(
          (piped - start) < 1_000_000_000L, "stream thread blocked " + (piped - start) + " ns");
      assertTrue(
          (delivered - start) < 2_000_000_000L, "delivery took " + (delivered - start) + " ns");
    }
  }

  @Test
  @Timeout(120)
  void stalledClientIsDisconnectedAndItsPlaceFreedWhenItsSocketGoes() throws Exception {
    startWith(SseSettings.defaults().withQueueCapacity(16).withStallTimeoutMs(300));
    pipeBigCues();
    Await.until(
        () -> {
          try {
            return metric("livesubs_sink_sse_slow_disconnects_total") >= 1;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        },
        Duration.ofSeconds(30),
        "stalled client detected");
    stalled.close();
    Await.until(
        () -> harness.server().sseClients() == 0, Duration.ofSeconds(30), "stalled slot freed");
  }
}
