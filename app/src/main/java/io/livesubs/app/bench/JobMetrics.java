package io.livesubs.app.bench;

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
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A running job as the Flink REST API shows it: whether all its subtasks run, how many checkpoints
 * completed, and one operator metric aggregated over all subtasks of all vertices that report it
 * (the metric's name is the part of its id after the last dot). The REST API serves metric values
 * it fetched within {@code metrics.fetcher.update-interval}, so values lag by up to that much.
 * Stateless apart from its HTTP client; thread-safe.
 */
final class JobMetrics {

  /** How values of several subtasks are combined. */
  enum Aggregation {
    /** The largest value. */
    MAX,
    /** The sum of the values. */
    SUM;

    String field() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String webUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /**
   * @param webUrl the REST base URL, e.g. {@code http://127.0.0.1:8081}
   */
  JobMetrics(String webUrl) {
    this.webUrl = webUrl.endsWith("/") ? webUrl.substring(0, webUrl.length() - 1) : webUrl;
  }

  /** Whether every subtask of every vertex of the job is RUNNING (operators opened, models in). */
  boolean allRunning(String jobId) throws IOException, InterruptedException {
    JsonNode vertices = get("/jobs/" + jobId).path("vertices");
    if (vertices.isEmpty()) {
      return false;
    }
    for (JsonNode vertex : vertices) {
      if (vertex.path("tasks").path("RUNNING").asInt() != vertex.path("parallelism").asInt()) {
        return false;
      }
    }
    return true;
  }

  /** Checkpoints of the job that have completed so far. */
  long completedCheckpoints(String jobId) throws IOException, InterruptedException {
    return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
  }

  /**
   * The metric {@code name} of job {@code jobId}, aggregated over every subtask that reports it.
   *
   * @return the value, or empty when no subtask reports the metric (yet)
   * @throws IOException if the REST API does not answer as expected
   */
  OptionalDouble aggregate(String jobId, String name, Aggregation aggregation)
      throws IOException, InterruptedException {
    List<Double> values = new ArrayList<>();
    for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
      String base = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/subtasks";
      List<String> ids = new ArrayList<>();
      for (JsonNode metric : get(base + "/metrics")) {
        String id = metric.path("id").asText();
        if (id.substring(id.lastIndexOf('.') + 1).equals(name)) {
          ids.add(id);
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      String query =
          URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8).replace("+", "%20");
      for (JsonNode value : get(base + "/metrics?agg=" + aggregation.field() + "&get=" + query)) {
        JsonNode number = value.path(aggregation.field());
        if (number.isNumber()) {
          values.add(number.asDouble());
        }
      }
    }
    return switch (aggregation) {
      case MAX -> values.stream().mapToDouble(Double::doubleValue).max();
      case SUM ->
          values.isEmpty()
              ? OptionalDouble.empty()
              : OptionalDouble.of(values.stream().mapToDouble(Double::doubleValue).sum());
    };
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
