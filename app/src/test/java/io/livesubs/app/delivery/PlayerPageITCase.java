package io.livesubs.app.delivery;

import static io.livesubs.app.delivery.DeliveryStack.awaitBody;
import static io.livesubs.app.delivery.DeliveryStack.cue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livesubs.app.delivery.browser.BrowserPage;
import io.livesubs.app.delivery.browser.HeadlessChromium;
import io.livesubs.sink.SubtitleService;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player page in headless Chromium against a running service fed with real cues through Kafka:
 * the live partial line updates in place and the final line settles; with media, the caption shown
 * is the one the audio's current time falls in. Screenshots are kept under {@code
 * target/browser-screenshots/} for people to look at.
 */
class PlayerPageITCase {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  private static final String DESCRIBE_CAPTION =
      "JSON.stringify({status: document.getElementById('status').textContent,"
          + " final: document.getElementById('caption-final').textContent,"
          + " partial: document.getElementById('caption-partial').textContent,"
          + " time: document.getElementById('media').currentTime})";

  @TempDir static Path stateDir;
  @TempDir static Path mediaDir;
  private static DeliveryStack stack;
  private static SubtitleService service;
  private static HeadlessChromium chromium;
  private BrowserPage page;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    MediaWav.writeTone(mediaDir.resolve("with-media.wav"), 12_000);
    stack = DeliveryStack.start();
    service = stack.service("subs-it-player", stateDir, b -> b.mediaDir(mediaDir));
    chromium = HeadlessChromium.start();
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

  @BeforeEach
  void openTab() {
    page = chromium.newPage();
  }

  @AfterEach
  void noPageErrors() {
    assertEquals(List.of(), page.errors(), "errors in the player page");
  }

  private void open(String stream, String language) throws Exception {
    // The page picks its stream from the list, so the stream must be listed first.
    awaitBody(service.url(), "/streams", "\"" + stream + "\"");
    page.navigate(
        service.url().resolve("/?stream=" + stream + "&lang=" + language).toString(), WAIT);
  }

  private void awaitText(String elementId, String text) {
    page.waitFor(
        "document.getElementById('" + elementId + "').textContent === " + jsString(text),
        WAIT,
        DESCRIBE_CAPTION);
  }

  private static String jsString(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Test
  void partialLineUpdatesInPlaceAndFinalLinesSettle() throws Exception {
    String stream = "live-talk";
    stack.produce(List.of(cue(stream, "en", 0, 0, false, 0, 600, "Good eve")));
    open(stream, "en");
    awaitText("caption-partial", "Good eve");
    page.waitFor(
        "document.getElementById('status').textContent === 'live'", WAIT, DESCRIBE_CAPTION);
    stack.produce(List.of(cue(stream, "en", 0, 1, false, 0, 1400, "Good evening every")));
    awaitText("caption-partial", "Good evening every");
    stack.produce(
        List.of(
            cue(stream, "en", 0, 2, true, 0, 2200, "Good evening, everyone,"),
            cue(stream, "en", 1, 0, false, 2400, 3000, "and welcome to")));
    awaitText("caption-final", "Good evening, everyone,");
    awaitText("caption-partial", "and welcome to");

    Path shot = page.screenshot(SCREENSHOTS.resolve("player-live.png"));
    JsonNode box =
        page.evaluate(
            "(() => { const r = document.getElementById('caption-final')"
                + ".getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })()");
    assertCaptionRendered(shot, box);

    String dom = page.evaluate("document.documentElement.outerHTML").asText();
    assertTrue(
        dom.contains(
            "<div id=\"caption-final\" class=\"caption-final\">Good evening, everyone,</div>"),
        dom);
    JsonNode transcript =
        page.evaluate(
            "Array.from(document.querySelectorAll('#transcript-lines li span'), s => s.textContent)");
    assertEquals("[\"Good evening, everyone,\"]", transcript.toString());
    JsonNode links =
        page.evaluate(
            "['link-vtt', 'link-srt', 'link-playlist'].map(id => document.getElementById(id)"
                + ".getAttribute('href'))");
    assertEquals(
        "[\"streams/live-talk/en.vtt\",\"streams/live-talk/en.srt\","
            + "\"streams/live-talk/en/playlist.m3u8\"]",
        links.toString());
  }

  @Test
  void linkToAStreamThatHasNotStartedWaitsForIt() throws Exception {
    String stream = "starts-later";
    page.navigate(service.url().resolve("/?stream=" + stream + "&lang=en").toString(), WAIT);
    page.waitFor(
        "document.getElementById('status').textContent === 'waiting for starts-later'",
        WAIT,
        DESCRIBE_CAPTION);
    stack.produce(List.of(cue(stream, "en", 0, 0, true, 0, 1500, "We are on air")));
    // The page lists streams every few seconds; the new one is followed when listed.
    awaitText("caption-final", "We are on air");
  }

  @Test
  void switchingLanguageFollowsTheOtherTimeline() throws Exception {
    String stream = "two-languages";
    stack.produce(
        List.of(
            cue(stream, "en", 0, 0, true, 0, 2000, "Hello"),
            cue(stream, "es", 0, 0, true, 0, 2000, "Hola")));
    awaitBody(service.url(), "/streams/" + stream, "\"es\"");
    open(stream, "en");
    awaitText("caption-final", "Hello");
    page.evaluate(
        "(() => { const s = document.getElementById('language'); s.value = 'es';"
            + " s.dispatchEvent(new Event('change')); })()");
    awaitText("caption-final", "Hola");
    assertEquals("?stream=two-languages&lang=es", page.evaluate("location.search").asText());
  }

  @Test
  void withMediaTheCaptionShownIsTheOneAtTheAudioTime() throws Exception {
    String stream = "with-media";
    stack.produce(
        List.of(
            cue(stream, "en", 0, 0, false, 1000, 1800, "first li"),
            cue(stream, "en", 0, 1, true, 1000, 3000, "first line"),
            cue(stream, "en", 1, 0, true, 4000, 6000, "second line"),
            cue(stream, "en", 2, 0, true, 7000, 11_000, "third line")));
    open(stream, "en");
    page.waitFor(
        "(() => { const m = document.getElementById('media');"
            + " return !m.hidden && m.readyState >= 1 && m.duration > 11; })()",
        WAIT,
        DESCRIBE_CAPTION);
    page.waitFor(
        "document.querySelectorAll('#transcript-lines li').length === 3", WAIT, DESCRIBE_CAPTION);
    seek(4.5);
    awaitText("caption-final", "second line");
    Path shot = page.screenshot(SCREENSHOTS.resolve("player-media.png"));
    JsonNode box =
        page.evaluate(
            "(() => { const r = document.getElementById('caption-final')"
                + ".getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })()");
    assertCaptionRendered(shot, box);
    seek(1.5);
    awaitText("caption-final", "first line");
    seek(3.5);
    awaitText("caption-final", "");
    // Playing, the audio clock moves the captions on by itself.
    seek(6.6);
    page.evaluate("document.getElementById('media').play()");
    awaitText("caption-final", "third line");
    assertTrue(page.evaluate("document.getElementById('media').currentTime").asDouble() >= 7.0);
  }

  private void seek(double seconds) {
    page.evaluate(
        "new Promise(resolve => { const m = document.getElementById('media'); m.pause();"
            + " m.addEventListener('seeked', () => resolve(m.currentTime), {once: true});"
            + " m.currentTime = "
            + seconds
            + "; })");
  }

  /**
   * Checks the screenshot is a real rendering with the caption drawn where the page says: the
   * caption box holds its dark background and light text pixels.
   */
  private static void assertCaptionRendered(Path png, JsonNode box) throws IOException {
    assertTrue(Files.size(png) > 10_000, "screenshot size " + Files.size(png));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(HeadlessChromium.WIDTH, image.getWidth());
    assertEquals(HeadlessChromium.HEIGHT, image.getHeight());
    int x0 = (int) box.get("x").asDouble();
    int y0 = (int) box.get("y").asDouble();
    int w = (int) box.get("w").asDouble();
    int h = (int) box.get("h").asDouble();
    assertTrue(w > 50 && h > 20, "caption box " + box);
    int light = 0;
    int dark = 0;
    for (int y = y0; y < Math.min(y0 + h, image.getHeight()); y++) {
      for (int x = x0; x < Math.min(x0 + w, image.getWidth()); x++) {
        int rgb = image.getRGB(x, y);
        int luma =
            (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
        if (luma > 200) {
          light++;
        } else if (luma < 40) {
          dark++;
        }
      }
    }
    assertTrue(light > 100, "light (text) pixels in the caption box: " + light);
    assertTrue(dark > w * h / 3, "dark (background) pixels in the caption box: " + dark);
  }
}
