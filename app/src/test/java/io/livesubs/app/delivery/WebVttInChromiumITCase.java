package io.livesubs.app.delivery;

import static io.livesubs.app.delivery.DeliveryStack.awaitBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livesubs.app.delivery.browser.BrowserPage;
import io.livesubs.app.delivery.browser.HeadlessChromium;
import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.SubtitleService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's WebVTT documents and HLS subtitle playlist read by a real WebVTT parser: headless
 * Chromium loads them through {@code <track>} elements and reports the cues it parsed, which must
 * be the final cues fed to the service (texts unescaped, times to the millisecond); the playlist's
 * segments must hold each cue they overlap, a cue across a boundary in both.
 */
class WebVttInChromiumITCase {

  private static final String STREAM = "vtt-check";
  private static final long SEGMENT_MS = SubtitleConfig.DEFAULT_SEGMENT_DURATION_MS;
  private static final long MPEG_TS_OFFSET = SubtitleConfig.DEFAULT_MPEG_TS_OFFSET;
  private static final long END_MS = 19_000;
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(20);

  /** What the service is fed as final cues; the partials before them must not show. */
  private static final List<Line> FINALS =
      List.of(
          new Line(0, 1000, 2500, "Hello & welcome", "<to the show>"),
          new Line(1, 5000, 7000, "across the boundary"),
          new Line(2, 8200, 11_000, "second segment"),
          new Line(3, 12_500, 14_250, "A --> B, 1 < 2"),
          new Line(4, 17_000, 18_500, "the end"));

  @TempDir static Path stateDir;
  private static DeliveryStack stack;
  private static SubtitleService service;
  private static HeadlessChromium chromium;
  private static BrowserPage page;

  /** A final cue as fed. */
  private record Line(long seq, long startMs, long endMs, String... lines) {
    String text() {
      return String.join("\n", lines);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    stack = DeliveryStack.start();
    service = stack.service("subs-it-vtt", stateDir);
    List<SubtitleCue> cues = new ArrayList<>();
    for (Line line : FINALS) {
      cues.add(
          DeliveryStack.cue(
              STREAM, "en", line.seq(), 0, false, line.startMs(), line.startMs() + 300, "typing"));
      cues.add(
          DeliveryStack.cue(
              STREAM, "en", line.seq(), 1, true, line.startMs(), line.endMs(), line.lines()));
    }
    cues.add(CueConventions.endOfStream(STREAM, "en", END_MS, 0));
    stack.produce(cues);
    awaitBody(service.url(), "/streams/" + STREAM + "/en/playlist.m3u8", "#EXT-X-ENDLIST");
    chromium = HeadlessChromium.start();
    page = chromium.newPage();
    // A page of the service's own origin, so the probe reads its documents without CORS.
    page.navigate(service.url().resolve("/api").toString(), LOAD_TIMEOUT);
    try (InputStream probe = WebVttInChromiumITCase.class.getResourceAsStream("track-probe.js")) {
      page.evaluate(new String(probe.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (service != null) {
      service.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static String describe(long startMs, long endMs, String text) {
    return startMs + "-" + endMs + " " + text;
  }

  private static List<String> describe(JsonNode cues) {
    List<String> out = new ArrayList<>();
    cues.forEach(
        c -> out.add(describe(c.get("startMs").asLong(), c.get("endMs").asLong(), textOf(c))));
    return out;
  }

  /** The displayed text; the parser keeps line breaks inside a cue as they are. */
  private static String textOf(JsonNode cue) {
    return cue.get("text").asText();
  }

  @Test
  void wholeTimelineParsesToTheFedFinalCues() {
    JsonNode cues = page.evaluate("loadTrack('/streams/" + STREAM + "/en.vtt')");
    List<String> expected =
        FINALS.stream()
            .sorted(Comparator.comparingLong(Line::startMs))
            .map(l -> describe(l.startMs(), l.endMs(), l.text()))
            .toList();
    assertEquals(expected, describe(cues));
    assertEquals(List.of(), page.errors(), "page errors");
  }

  @Test
  void playlistSegmentsParseAndRepeatCuesAcrossBoundaries() {
    JsonNode result = page.evaluate("loadPlaylist('/streams/" + STREAM + "/en/playlist.m3u8')");
    String playlist = result.get("playlist").asText();
    assertTrue(playlist.startsWith("#EXTM3U\n"), playlist);
    assertTrue(playlist.contains("\n#EXT-X-TARGETDURATION:6\n"), playlist);
    assertTrue(playlist.contains("\n#EXT-X-MEDIA-SEQUENCE:0\n"), playlist);
    assertTrue(playlist.endsWith("#EXT-X-ENDLIST\n"), playlist);
    JsonNode segments = result.get("segments");
    long count = (END_MS + SEGMENT_MS - 1) / SEGMENT_MS;
    assertEquals(count, segments.size(), playlist);
    for (int n = 0; n < count; n++) {
      JsonNode segment = segments.get(n);
      assertEquals(n + ".vtt", segment.get("uri").asText());
      // The browser ignores X-TIMESTAMP-MAP, so it is checked as text: segment start on the
      // 90 kHz clock, after the offset of media time zero.
      long mpegTs = MPEG_TS_OFFSET + n * SEGMENT_MS * 90;
      assertEquals(
          "[\"WEBVTT\",\"X-TIMESTAMP-MAP=MPEGTS:" + mpegTs + ",LOCAL:00:00:00.000\"]",
          segment.get("headerLines").toString(),
          "segment " + n);
      assertEquals(expectedSegment(n), describe(segment.get("cues")), "segment " + n);
    }
    // The cue over 5-7 s: its first second closes segment 0, the rest opens segment 1.
    assertTrue(describe(segments.get(0).get("cues")).contains("5000-6000 across the boundary"));
    assertTrue(describe(segments.get(1).get("cues")).contains("0-1000 across the boundary"));
    assertEquals(List.of(), page.errors(), "page errors");
  }

  /** The cues segment n must hold by the HLS rule: every cue overlapping it, in local time. */
  private static List<String> expectedSegment(long n) {
    long segStart = n * SEGMENT_MS;
    long segEnd = segStart + SEGMENT_MS;
    return FINALS.stream()
        .filter(l -> l.startMs() < segEnd && l.endMs() > segStart)
        .sorted(Comparator.comparingLong(Line::startMs))
        .map(
            l ->
                describe(
                    Math.max(l.startMs(), segStart) - segStart,
                    Math.min(l.endMs(), segEnd) - segStart,
                    l.text()))
        .toList();
  }
}
