package io.livesubs.sink.http;

import io.livesubs.sink.sse.SseHub;
import io.livesubs.sink.topology.TimelineState;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the HTTP side and the text exposition of {@code GET /metrics} (Prometheus text
 * format): timelines, streams and cues held by this instance, live-push clients and events,
 * requests. Thread-safe.
 */
final class ServiceMetrics {

  final AtomicLong requests = new AtomicLong();
  final AtomicLong clientErrors = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong forwarded = new AtomicLong();

  /** Counts a response status. */
  void status(int status) {
    if (status >= 500) {
      serverErrors.incrementAndGet();
    } else if (status >= 400) {
      clientErrors.incrementAndGet();
    }
  }

  /**
   * Renders the metrics.
   *
   * @param timelines this instance's timelines, or {@code null} when the stores are not queryable
   */
  String render(boolean up, List<TimelineState> timelines, SseHub hub) {
    StringBuilder out = new StringBuilder();
    gauge(out, "livesubs_sink_up", "Whether the service can answer requests.", up ? 1 : 0);
    if (timelines != null) {
      long ended = timelines.stream().filter(TimelineState::ended).count();
      out.append("# HELP livesubs_sink_timelines Timelines (stream, language) on this instance.\n")
          .append("# TYPE livesubs_sink_timelines gauge\n")
          .append("livesubs_sink_timelines{state=\"live\"} ")
          .append(timelines.size() - ended)
          .append('\n')
          .append("livesubs_sink_timelines{state=\"ended\"} ")
          .append(ended)
          .append('\n');
      gauge(
          out,
          "livesubs_sink_streams",
          "Streams on this instance.",
          timelines.stream().map(TimelineState::streamId).distinct().count());
      gauge(
          out,
          "livesubs_sink_cues",
          "Distinct cues stored.",
          timelines.stream().mapToLong(TimelineState::cueCount).sum());
      gauge(
          out,
          "livesubs_sink_final_cues",
          "Cues whose stored version is final.",
          timelines.stream().mapToLong(TimelineState::finalCueCount).sum());
      gauge(
          out,
          "livesubs_sink_ignored_updates",
          "Cue versions that changed nothing (duplicates, stale revisions).",
          timelines.stream().mapToLong(TimelineState::ignoredUpdates).sum());
    }
    gauge(out, "livesubs_sink_sse_clients", "Connected live-push clients.", hub.clientCount());
    counter(out, "livesubs_sink_sse_events_total", "Events queued to clients.", hub.eventsQueued());
    counter(
        out,
        "livesubs_sink_sse_rejected_total",
        "Live-push connections refused at a limit.",
        hub.rejectedCount());
    counter(
        out,
        "livesubs_sink_sse_slow_disconnects_total",
        "Live-push clients closed because they stalled.",
        hub.slowDisconnects());
    counter(out, "livesubs_sink_http_requests_total", "HTTP requests.", requests.get());
    counter(out, "livesubs_sink_http_client_errors_total", "4xx responses.", clientErrors.get());
    counter(out, "livesubs_sink_http_server_errors_total", "5xx responses.", serverErrors.get());
    counter(
        out,
        "livesubs_sink_http_forwarded_total",
        "Requests forwarded to the owning instance.",
        forwarded.get());
    return out.toString();
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    metric(out, name, help, "gauge", value);
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    metric(out, name, help, "counter", value);
  }

  private static void metric(StringBuilder out, String name, String help, String type, long v) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(v).append('\n');
  }
}
