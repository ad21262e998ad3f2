package io.livesubs.sink.http;

import static io.livesubs.sink.testing.Cues.cue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.sink.testing.RawHttp;
import io.livesubs.sink.testing.ServerHarness;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The player page, its assets and the media route, over the real HTTP server. */
class PlayerRoutesTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path stateDir;
  @TempDir Path mediaDir;
  @TempDir Path outside;
  private ServerHarness harness;
  private byte[] media;

  @BeforeEach
  void start() throws Exception {
    media = new byte[100_000];
    new Random(42).nextBytes(media);
    Files.write(mediaDir.resolve("s1.wav"), media);
    Files.write(outside.resolve("secret.wav"), new byte[] {1, 2, 3});
    Files.createSymbolicLink(mediaDir.resolve("escape.wav"), outside.resolve("secret.wav"));
    Files.createDirectory(mediaDir.resolve("folder.wav"));
    harness = new ServerHarness(stateDir, HttpConfig.onPort(0).withMediaDir(mediaDir));
    harness.topology().pipe(cue(0, 0, true, 0, 1000, "hello"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private HttpResponse<byte[]> bytes(String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(harness.uri(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void rootServesThePlayerPageWhichLoadsItsAssets() throws Exception {
    HttpResponse<String> page = harness.get("/");
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", header(page, "Content-Type"));
    assertTrue(page.body().contains("<script src=\"player/player.js\">"), page.body());
    assertTrue(page.body().contains("href=\"player/player.css\""), page.body());
    HttpResponse<String> script = harness.get("/player/player.js");
    assertEquals(200, script.statusCode());
    assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
    assertTrue(script.body().contains("new EventSource("), "the page follows live push");
    HttpResponse<String> style = harness.get("/player/player.css");
    assertEquals("text/css; charset=utf-8", header(style, "Content-Type"));
  }

  @Test
  void theRouteListMovedToApi() throws Exception {
    HttpResponse<String> api = harness.get("/api");
    assertEquals(200, api.statusCode());
    assertTrue(api.body().contains("\"/streams/{id}/media.wav\""), api.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/player/missing.js", "/player/index.html/x", "/player"})
  void unknownAssetsAre404(String path) throws Exception {
    assertEquals(404, harness.get(path).statusCode(), path);
  }

  @Test
  void wholeMediaFileWithRangeSupportAdvertised() throws Exception {
    HttpResponse<byte[]> response = bytes("GET", "/streams/s1/media.wav");
    assertEquals(200, response.statusCode());
    assertEquals("audio/wav", header(response, "Content-Type"));
    assertEquals("bytes", header(response, "Accept-Ranges"));
    assertArrayEquals(media, response.body());
  }

  @Test
  void rangeRequestsGetPartialContent() throws Exception {
    HttpResponse<byte[]> middle = bytes("GET", "/streams/s1/media.wav", "Range", "bytes=100-199");
    assertEquals(206, middle.statusCode());
    assertEquals("bytes 100-199/100000", header(middle, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(media, 100, 200), middle.body());
    HttpResponse<byte[]> tail = bytes("GET", "/streams/s1/media.wav", "Range", "bytes=-10");
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(media, 99_990, 100_000), tail.body());
    HttpResponse<byte[]> open = bytes("GET", "/streams/s1/media.wav", "Range", "bytes=99000-");
    assertEquals("bytes 99000-99999/100000", header(open, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(media, 99_000, 100_000), open.body());
  }

  @Test
  void rangeBeyondTheEndIs416WithTheSize() throws Exception {
    HttpResponse<byte[]> response = bytes("GET", "/streams/s1/media.wav", "Range", "bytes=100000-");
    assertEquals(416, response.statusCode());
    assertEquals("bytes */100000", header(response, "Content-Range"));
  }

  @Test
  void headGivesTheLengthWithoutABody() throws Exception {
    HttpResponse<byte[]> head = bytes("HEAD", "/streams/s1/media.wav", "Range", "bytes=0-9");
    assertEquals(206, head.statusCode());
    assertEquals("10", header(head, "Content-Length"));
    assertEquals(0, head.body().length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope", "escape", "folder"})
  void missingMediaLinksOutOfTheDirectoryAndFoldersAre404(String stream) throws Exception {
    HttpResponse<String> response = harness.get("/streams/" + stream + "/media.wav");
    assertEquals(404, response.statusCode());
    assertEquals("{\"error\":\"stream '" + stream + "' has no media\"}", response.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/streams/../s1/media.wav",
        "/streams/s1/../media.wav",
        "/streams/%2e%2e/media.wav",
        "/streams/..%2f..%2fetc%2fpasswd/media.wav",
        "/streams/s1%2fmedia.wav",
        "/player/..%2fplayer.js",
        "/player/../index.html",
        "/streams/.s1/media.wav"
      })
  void traversalTowardsFilesIs400(String target) throws Exception {
    RawHttp.Response response = RawHttp.request(harness.port(), "GET", target);
    assertEquals(400, response.status(), response.text());
    assertTrue(response.text().contains("{\"error\":"), response.text());
  }

  @Test
  void filesAreReadOnly() throws Exception {
    for (String path : List.of("/", "/player/player.js", "/streams/s1/media.wav")) {
      for (String method : List.of("POST", "PUT", "DELETE")) {
        HttpResponse<String> response = harness.send(method, path);
        assertEquals(405, response.statusCode(), method + " " + path);
        assertEquals("GET, HEAD", header(response, "Allow"));
      }
    }
  }

  @Test
  void withoutAMediaDirectoryNoStreamHasMedia(@TempDir Path otherState) throws Exception {
    try (ServerHarness bare = new ServerHarness(otherState, HttpConfig.onPort(0))) {
      bare.topology().pipe(cue(0, 0, true, 0, 1000, "hello"));
      assertEquals(404, bare.get("/streams/s1/media.wav").statusCode());
    }
  }

  @Test
  void aMediaDirectoryThatIsNotADirectoryIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ServerHarness(
                    stateDir, HttpConfig.onPort(0).withMediaDir(mediaDir.resolve("s1.wav"))));
    assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
  }
}
