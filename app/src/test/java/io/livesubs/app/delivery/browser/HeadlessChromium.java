package io.livesubs.app.delivery.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}) started headless with a fresh profile and driven
 * over the DevTools protocol ({@link DevToolsConnection}); no WebDriver. Owns the browser process
 * (and its children) and the profile directory; {@link #close} ends both and is idempotent. Pages
 * are used from the test thread.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HeadlessChromium.class);

  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  /** The browser window, and so the screenshot, size. */
  public static final int WIDTH = 1280;

  /** See {@link #WIDTH}. */
  public static final int HEIGHT = 720;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final DevToolsConnection devtools;
  private final Deque<String> stderrTail;
  private boolean closed;

  private HeadlessChromium(
      Process process, Path profile, DevToolsConnection devtools, Deque<String> stderrTail) {
    this.process = process;
    this.profile = profile;
    this.devtools = devtools;
    this.stderrTail = stderrTail;
  }

  /**
   * Skips the calling test when Chromium is not installed, outside CI; in CI (environment variable
   * {@code CI} set) a missing browser fails the test instead, so browser checks are never silently
   * lost there.
   */
  public static void assumeInstalled() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    String message =
        BINARY + " is missing: install Debian's chromium (scripts/install-prereqs.sh does)";
    if (System.getenv("CI") != null) {
      fail(message + "; browser tests may not be skipped in CI");
    }
    // Surefire does not print why a class was skipped; the log does.
    LOG.warn("{}; skipping the browser test", message);
    Assumptions.abort(message + "; skipping the browser test");
  }

  /** Starts the browser and connects to it. */
  public static HeadlessChromium start() throws IOException {
    Path profile = Files.createTempDirectory("livesubs-chromium-");
    List<String> command =
        List.of(
            BINARY.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--autoplay-policy=no-user-gesture-required",
            "--hide-scrollbars",
            "--window-size=" + WIDTH + "," + HEIGHT,
            "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank");
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Deque<String> stderrTail = new ArrayDeque<>();
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader = new Thread(() -> readStderr(process, stderrTail, endpoint), "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      URI url = endpoint.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new HeadlessChromium(
          process, profile, DevToolsConnection.open(url, START_TIMEOUT), stderrTail);
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      stop(process);
      deleteTree(profile);
      throw new IOException("Chromium did not start; its last output: " + tail(stderrTail), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process);
      deleteTree(profile);
      throw new IOException("interrupted while starting Chromium", e);
    }
  }

  /** Opens a new tab on {@code about:blank}. */
  public BrowserPage newPage() {
    JsonNode target =
        devtools.send(
            null,
            "Target.createTarget",
            DevToolsConnection.params().put("url", "about:blank"),
            COMMAND_TIMEOUT);
    JsonNode session =
        devtools.send(
            null,
            "Target.attachToTarget",
            DevToolsConnection.params()
                .put("targetId", target.get("targetId").asText())
                .put("flatten", true),
            COMMAND_TIMEOUT);
    return new BrowserPage(devtools, session.get("sessionId").asText());
  }

  /** The browser's recent diagnostic output, for failure messages. */
  public String recentOutput() {
    return tail(stderrTail);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      devtools.send(null, "Browser.close", DevToolsConnection.params(), Duration.ofSeconds(5));
    } catch (IllegalStateException e) {
      // The browser may close the connection before answering; the process is stopped below.
    }
    devtools.close();
    stop(process);
    deleteTree(profile);
  }

  private static void readStderr(
      Process process, Deque<String> tail, CompletableFuture<URI> endpoint) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
        Matcher m = DEVTOOLS_URL.matcher(line);
        if (m.find()) {
          endpoint.complete(URI.create(m.group(1)));
        }
      }
    } catch (IOException e) {
      // The stream closes when the browser exits.
    }
    endpoint.completeExceptionally(new IOException("Chromium exited before listening"));
  }

  private static String tail(Deque<String> lines) {
    synchronized (lines) {
      return String.join("\n", new ArrayList<>(lines));
    }
  }

  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Renderer and zygote processes normally exit with the browser; never leave one behind.
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the Chromium profile " + dir, e);
    }
  }
}
