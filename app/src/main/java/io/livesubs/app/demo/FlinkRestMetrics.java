package io.livesubs.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a running job's operator metrics and failures through the Flink REST API. Metrics: for
 * every job vertex, the metrics of its subtasks whose name (the part after the last dot of the
 * metric id, which starts with the operator's name) is one of those asked for, summed over subtasks
 * and vertices. The REST API serves metrics it fetched within {@code
 * metrics.fetcher.update-interval}, so values may lag by that much. Stateless apart from its HTTP
 * client; thread-safe.
 */
final class FlinkRestMetrics {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String webUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /**
   * @param webUrl the REST base URL, e.g. {@code http://127.0.0.1:8081}
   */
  FlinkRestMetrics(String webUrl) {
    this.webUrl = webUrl.endsWith("/") ? webUrl.substring(0, webUrl.length() - 1) : webUrl;
  }

  /**
   * Sums the named metrics of job {@code jobId}.
   *
   * @return name to sum, for each name some subtask reports
   * @throws IOException if the REST API does not answer as expected
   */
  Map<String, Long> sums(String jobId, Collection<String> names)
      throws IOException, InterruptedException {
    Map<String, Long> sums = new HashMap<>();
    for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
      String base = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks";
      List<String> ids = new ArrayList<>();
      for (JsonNode metric : get(base + "/metrics")) {
        String id = metric.path("id").asText();
        if (names.contains(shortName(id))) {
          ids.add(id);
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      String query =
          URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8).replace("+", "%20");
      for (JsonNode value : get(base + "/metrics?agg=sum&get=" + query)) {
        sums.merge(
            shortName(value.path("id").asText()),
            Math.round(value.path("sum").asDouble()),
            Long::sum);
      }
    }
    return sums;
  }

  /**
   * The most recent failure of job {@code jobId}, as one line: the innermost {@code Caused by} of
   * its stack trace (usually the one that says what is wrong), or empty when the job never failed.
   */
  Optional<String> latestFailure(String jobId) throws IOException, InterruptedException {
    JsonNode entries =
        get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
    if (!entries.isArray() || entries.isEmpty()) {
      return Optional.empty();
    }
    JsonNode latest = entries.get(0);
    String line = latest.path("exceptionName").asText("unknown failure");
    boolean first = true;
    for (String candidate : latest.path("stacktrace").asText("").lines().toList()) {
      if (first && !candidate.isBlank()) {
        line = candidate;
        first = false;
      } else if (candidate.startsWith("Caused by: ")) {
        line = candidate.substring("Caused by: ".length());
      }
    }
    return Optional.of(line.strip());
  }

  private static String shortName(String metricId) {
    return metricId.substring(metricId.lastIndexOf('.') + 1);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webUrl + path)).timeout(TIMEOUT).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "Flink REST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
