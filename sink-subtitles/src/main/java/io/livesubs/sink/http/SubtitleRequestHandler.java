package io.livesubs.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.livesubs.sink.query.StreamLocator;
import io.livesubs.sink.query.TimelineQueries;
import io.livesubs.sink.sse.SseHub;
import io.livesubs.sink.topology.TimelineState;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler of the service: checks the method (GET and HEAD; OPTIONS only as a CORS
 * preflight), adds CORS headers, parses the path, forwards per-stream requests to the owning
 * instance, dispatches the rest and turns failures into JSON errors. Runs on the server's request
 * threads; thread-safe.
 */
final class SubtitleRequestHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SubtitleRequestHandler.class);

  private final CorsPolicy cors;
  private final StreamLocator locator;
  private final OwnerProxy proxy;
  private final TimelineQueries queries;
  private final TimelineResources timelines;
  private final SseHub hub;
  private final PlayerAssets player;
  private final MediaFiles media;
  private final HealthCheck health;
  private final ServiceMetrics metrics;
  private final Executor streamingProxies;

  SubtitleRequestHandler(
      CorsPolicy cors,
      StreamLocator locator,
      OwnerProxy proxy,
      TimelineQueries queries,
      TimelineResources timelines,
      SseHub hub,
      PlayerAssets player,
      MediaFiles media,
      HealthCheck health,
      ServiceMetrics metrics,
      Executor streamingProxies) {
    this.cors = cors;
    this.locator = locator;
    this.proxy = proxy;
    this.queries = queries;
    this.timelines = timelines;
    this.hub = hub;
    this.player = player;
    this.media = media;
    this.health = health;
    this.metrics = metrics;
    this.streamingProxies = streamingProxies;
  }

  @Override
  public void handle(HttpExchange exchange) {
    metrics.requests.incrementAndGet();
    try {
      cors.apply(exchange.getRequestHeaders(), exchange.getResponseHeaders());
      String method = exchange.getRequestMethod();
      if (method.equals("OPTIONS")
          && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
        cors.preflight(exchange.getResponseHeaders());
        HttpResponses.send(exchange, 204, "text/plain", new byte[0], null);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        throw new HttpError(405, "method " + method + " is not allowed; use GET or HEAD");
      }
      Route route = Route.parse(exchange.getRequestURI().getRawPath());
      if (route.perStream() && !OwnerProxy.isForwarded(exchange) && forwarded(exchange, route)) {
        return;
      }
      dispatch(exchange, route);
    } catch (HttpError e) {
      fail(exchange, e.status(), e.getMessage());
    } catch (InvalidStateStoreException e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      fail(exchange, 503, "state stores are not queryable now (starting or rebalancing); retry");
    } catch (IOException e) {
      LOG.debug("I/O error answering {}: {}", exchange.getRequestURI(), e.toString());
      exchange.close();
    } catch (RuntimeException e) {
      LOG.error("Failed to answer {}", exchange.getRequestURI(), e);
      fail(exchange, 500, "internal error: " + e.getClass().getSimpleName());
    }
  }

  /** Forwards the request if another instance owns the stream; returns whether it did. */
  private boolean forwarded(HttpExchange exchange, Route route) throws IOException {
    StreamLocator.Location location = locator.locate(route.streamId());
    switch (location.kind()) {
      case LOCAL:
        return false;
      case UNAVAILABLE:
        exchange.getResponseHeaders().set("Retry-After", "1");
        throw HttpError.unavailable(
            "the owner of stream '" + route.streamId() + "' is being reassigned; retry shortly");
      default:
        metrics.forwarded.incrementAndGet();
        if (route.kind() == Route.Kind.EVENTS && exchange.getRequestMethod().equals("GET")) {
          streamingProxies.execute(() -> forwardStream(exchange, location.owner()));
        } else {
          proxy.forward(exchange, location.owner());
        }
        return true;
    }
  }

  private void forwardStream(HttpExchange exchange, URI owner) {
    try {
      proxy.forwardStream(exchange, owner);
    } catch (HttpError e) {
      fail(exchange, e.status(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.debug("Forwarded event stream to {} ended: {}", owner, e.toString());
      exchange.close();
    }
  }

  private void dispatch(HttpExchange exchange, Route route) throws IOException {
    switch (route.kind()) {
      case PLAYER_PAGE -> player.page(exchange);
      case PLAYER_ASSET -> player.asset(exchange, route.name());
      case MEDIA -> media.serve(exchange, route.streamId());
      case INDEX -> index(exchange);
      case HEALTH -> health(exchange);
      case METRICS -> metrics(exchange);
      case STREAMS -> streams(exchange);
      case STREAM -> timelines.stream(exchange, route);
      case EVENTS -> timelines.events(exchange, route);
      case WEBVTT -> timelines.webVtt(exchange, route);
      case SRT -> timelines.srt(exchange, route);
      case PLAYLIST -> timelines.playlist(exchange, route);
      case SEGMENT -> timelines.segment(exchange, route);
      default -> throw new IllegalStateException("unrouted " + route);
    }
  }

  private void index(HttpExchange exchange) throws IOException {
    ObjectNode body = HttpResponses.JSON.createObjectNode().put("service", "livesubs-subtitles");
    body.putArray("routes")
        .add("/")
        .add("/api")
        .add("/streams")
        .add("/streams/{id}")
        .add("/streams/{id}/{lang}.vtt")
        .add("/streams/{id}/{lang}.srt")
        .add("/streams/{id}/{lang}/playlist.m3u8")
        .add("/streams/{id}/{lang}/{n}.vtt")
        .add("/streams/{id}/events?lang={lang}")
        .add("/streams/{id}/media.wav")
        .add("/healthz")
        .add("/metrics");
    HttpResponses.json(exchange, 200, body);
  }

  private void health(HttpExchange exchange) throws IOException {
    HealthCheck.Health h = health.check();
    ObjectNode body =
        HttpResponses.JSON
            .createObjectNode()
            .put("status", h.up() ? "UP" : "DOWN")
            .put("state", h.state());
    HttpResponses.json(exchange, h.up() ? 200 : 503, body);
  }

  private void metrics(HttpExchange exchange) throws IOException {
    List<TimelineState> local;
    try {
      local = queries.allTimelines();
    } catch (InvalidStateStoreException e) {
      local = null;
    }
    String body = metrics.render(health.check().up(), local, hub);
    HttpResponses.text(exchange, 200, "text/plain; version=0.0.4", body, HttpResponses.NO_CACHE);
  }

  /** Lists streams of all instances: this one's, plus each peer's own (asked as forwarded). */
  private void streams(HttpExchange exchange) throws IOException {
    List<JsonNode> lists = new ArrayList<>();
    lists.add(StreamsJson.streams(queries.allTimelines()));
    if (!OwnerProxy.isForwarded(exchange)) {
      for (URI peer : locator.peers()) {
        try {
          lists.add(proxy.fetchJson(peer.resolve("/streams")));
        } catch (IOException | HttpError e) {
          LOG.warn("Could not list the streams of instance {}: {}", peer, e.getMessage());
        }
      }
    }
    HttpResponses.json(exchange, 200, StreamsJson.merge(lists));
  }

  private void fail(HttpExchange exchange, int status, String message) {
    metrics.status(status);
    try {
      HttpResponses.error(exchange, status, message);
    } catch (IOException | RuntimeException e) {
      // Headers may already be sent, or the client is gone; nothing more to say.
      exchange.close();
    }
  }
}
