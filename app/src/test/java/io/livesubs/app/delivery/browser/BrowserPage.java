package io.livesubs.app.delivery.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One tab of a {@link HeadlessChromium}: navigate, evaluate JavaScript (awaiting promises, results
 * returned as JSON), wait for a condition in the page, take screenshots. Uncaught exceptions and
 * console errors of the page are collected in {@link #errors()} so tests can assert there were
 * none. Not thread-safe; used by one test thread.
 */
public final class BrowserPage {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final DevToolsConnection devtools;
  private final String sessionId;
  private final List<String> errors = new CopyOnWriteArrayList<>();

  BrowserPage(DevToolsConnection devtools, String sessionId) {
    this.devtools = devtools;
    this.sessionId = sessionId;
    devtools.onEvent(this::collectError);
    send("Page.enable", DevToolsConnection.params());
    send("Runtime.enable", DevToolsConnection.params());
    // A tab's viewport is the window less its (invisible) browser UI; make it the whole window.
    send(
        "Emulation.setDeviceMetricsOverride",
        DevToolsConnection.params()
            .put("width", HeadlessChromium.WIDTH)
            .put("height", HeadlessChromium.HEIGHT)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
  }

  /** Loads {@code url} and waits for its load event. */
  public void navigate(String url, Duration timeout) {
    CompletableFuture<JsonNode> loaded = devtools.nextEvent(sessionId, "Page.loadEventFired");
    JsonNode result = send("Page.navigate", DevToolsConnection.params().put("url", url));
    if (result.hasNonNull("errorText")) {
      loaded.cancel(false);
      throw new IllegalStateException(
          "navigation to " + url + " failed: " + result.get("errorText").asText());
    }
    await(loaded, timeout, "load of " + url);
  }

  /**
   * Evaluates a JavaScript expression in the page; a promise is awaited.
   *
   * @return the value as JSON (a missing node for {@code undefined})
   * @throws AssertionError when the expression throws or its promise rejects
   */
  public JsonNode evaluate(String expression) {
    JsonNode result =
        send(
            "Runtime.evaluate",
            DevToolsConnection.params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      String description = details.path("exception").path("description").asText("");
      throw new AssertionError(
          "page script failed: "
              + (description.isEmpty() ? details.path("text").asText() : description));
    }
    return result.path("result").path("value");
  }

  /**
   * Polls a JavaScript expression in the page until it is truthy and returns that value.
   *
   * @throws AssertionError when it is not truthy within {@code timeout}, with {@code describe}'s
   *     value (another expression, evaluated then) to say what the page showed instead
   */
  public JsonNode waitFor(String condition, Duration timeout, String describe) {
    String script =
        "new Promise((resolve, reject) => {"
            + " const deadline = Date.now() + "
            + timeout.toMillis()
            + "; const poll = () => { let value; try { value = ("
            + condition
            + "); } catch (e) { value = undefined; }"
            + " if (value) { resolve(value); } else if (Date.now() > deadline) {"
            + " reject(new Error('timed out')); } else { setTimeout(poll, 50); } }; poll(); })";
    try {
      return evaluate(script);
    } catch (AssertionError e) {
      throw new AssertionError(
          "page never satisfied '"
              + condition
              + "' within "
              + timeout
              + "; page shows: "
              + evaluate(describe)
              + "; page errors: "
              + errors,
          e);
    }
  }

  /** Captures the viewport ({@link HeadlessChromium#WIDTH} by {@link HeadlessChromium#HEIGHT}). */
  public Path screenshot(Path file) throws IOException {
    JsonNode shot =
        send("Page.captureScreenshot", DevToolsConnection.params().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    return file;
  }

  /** Uncaught exceptions and {@code console.error} messages of the page so far. */
  public List<String> errors() {
    return new ArrayList<>(errors);
  }

  private JsonNode send(String method, ObjectNode params) {
    return devtools.send(sessionId, method, params, COMMAND_TIMEOUT);
  }

  private void collectError(JsonNode message) {
    if (!sessionId.equals(message.path("sessionId").asText())) {
      return;
    }
    JsonNode params = message.path("params");
    switch (message.path("method").asText()) {
      case "Runtime.exceptionThrown" -> {
        JsonNode details = params.path("exceptionDetails");
        errors.add(details.path("exception").path("description").asText(details.toString()));
      }
      case "Runtime.consoleAPICalled" -> {
        if ("error".equals(params.path("type").asText())) {
          errors.add("console.error: " + params.path("args"));
        }
      }
      default -> {
        // Other events are not errors.
      }
    }
  }

  private static void await(CompletableFuture<JsonNode> event, Duration timeout, String what) {
    try {
      event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not finish within " + timeout, e);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }
}
