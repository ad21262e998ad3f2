package io.livesubs.sink.http;

import com.sun.net.httpserver.HttpExchange;
import io.livesubs.sink.query.TimelineDocuments;
import io.livesubs.sink.query.TimelineQueries;
import io.livesubs.sink.sse.SseHub;
import io.livesubs.sink.topology.TimelineState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the per-stream routes from this instance's stores: the stream's JSON, the whole timeline
 * as WebVTT or SubRip, the HLS playlist and segments, and live push. The caller has checked that
 * the stream is local. Thread-safe.
 */
final class TimelineResources {

  /** Finalised segments never change again. */
  private static final String IMMUTABLE = "public, max-age=86400";

  private final TimelineQueries queries;
  private final TimelineDocuments documents;
  private final SseHub hub;

  TimelineResources(TimelineQueries queries, TimelineDocuments documents, SseHub hub) {
    this.queries = queries;
    this.documents = documents;
    this.hub = hub;
  }

  void stream(HttpExchange exchange, Route route) throws IOException {
    List<TimelineState> timelines = queries.timelinesOf(route.streamId());
    if (timelines.isEmpty()) {
      throw HttpError.notFound("unknown stream '" + route.streamId() + "'");
    }
    HttpResponses.json(exchange, 200, StreamsJson.stream(route.streamId(), timelines));
  }

  void webVtt(HttpExchange exchange, Route route) throws IOException {
    String body = found(documents.webVtt(route.streamId(), route.language()), route);
    HttpResponses.text(exchange, 200, "text/vtt", body, HttpResponses.NO_CACHE);
  }

  void srt(HttpExchange exchange, Route route) throws IOException {
    String body = found(documents.srt(route.streamId(), route.language()), route);
    HttpResponses.text(exchange, 200, "application/x-subrip", body, HttpResponses.NO_CACHE);
  }

  void playlist(HttpExchange exchange, Route route) throws IOException {
    String body = found(documents.playlist(route.streamId(), route.language()), route);
    HttpResponses.text(
        exchange, 200, "application/vnd.apple.mpegurl", body, HttpResponses.NO_CACHE);
  }

  void segment(HttpExchange exchange, Route route) throws IOException {
    long n = Route.segmentNumber(route.name());
    TimelineDocuments.Segment segment = documents.segment(route.streamId(), route.language(), n);
    switch (segment.status()) {
      case OK:
        HttpResponses.text(exchange, 200, "text/vtt", segment.body(), IMMUTABLE);
        return;
      case UNKNOWN_TIMELINE:
        throw missing(route);
      default:
        throw HttpError.notFound(
            "segment "
                + n
                + " is not published; "
                + (segment.publishedSegments() == 0
                    ? "no segment is yet"
                    : "segments 0 to " + (segment.publishedSegments() - 1) + " are"));
    }
  }

  void events(HttpExchange exchange, Route route) throws IOException {
    Map<String, String> params = Route.query(exchange.getRequestURI().getRawQuery());
    String rawLanguage = params.get("lang");
    if (rawLanguage == null || rawLanguage.isEmpty()) {
      throw HttpError.badRequest("query parameter 'lang' is required, e.g. ?lang=en");
    }
    String language = Route.language(rawLanguage);
    long lastEventId = lastEventId(exchange, params);
    if (queries.timeline(route.streamId(), language).isEmpty()) {
      throw missing(new Route(route.kind(), route.streamId(), language, null));
    }
    if (exchange.getRequestMethod().equals("HEAD")) {
      HttpResponses.send(exchange, 200, "text/event-stream", new byte[0], "no-cache");
      return;
    }
    switch (hub.open(exchange, route.streamId(), language, lastEventId)) {
      case OPENED:
        return;
      case STREAM_FULL:
        throw HttpError.unavailable(
            "too many live-push clients for stream '" + route.streamId() + "'; try again later");
      default:
        throw HttpError.unavailable("too many live-push clients on this server; try later");
    }
  }

  private static long lastEventId(HttpExchange exchange, Map<String, String> params) {
    String raw = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (raw == null) {
      raw = params.get("lastEventId");
    }
    if (raw == null || raw.isEmpty()) {
      return 0;
    }
    if (!raw.matches("[0-9]{1,18}")) {
      throw HttpError.badRequest("Last-Event-ID '" + raw + "' is not a non-negative number");
    }
    return Long.parseLong(raw);
  }

  private String found(Optional<String> body, Route route) {
    return body.orElseThrow(() -> missing(route));
  }

  private HttpError missing(Route route) {
    if (queries.timelinesOf(route.streamId()).isEmpty()) {
      return HttpError.notFound("unknown stream '" + route.streamId() + "'");
    }
    return HttpError.notFound(
        "stream '" + route.streamId() + "' has no captions in language '" + route.language() + "'");
  }
}
