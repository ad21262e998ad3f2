package io.livesubs.sink.testing;

import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.http.HealthCheck;
import io.livesubs.sink.http.HttpConfig;
import io.livesubs.sink.http.SubtitleHttpServer;
import io.livesubs.sink.query.StreamLocator;
import io.livesubs.sink.sse.ChangeSignal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real HTTP server on an ephemeral loopback port, answering from the stores of a {@link
 * TopologyHarness} that the test feeds. The stores are in-memory: the test driver commits after
 * every record, and a RocksDB flush per record would make the high-volume tests crawl (the topology
 * tests cover RocksDB). Closes everything it started.
 */
public final class ServerHarness implements AutoCloseable {

  private final TopologyHarness topology;
  private final SubtitleHttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ServerHarness(Path stateDir, HttpConfig http, StreamLocator locator, HealthCheck health)
      throws IOException {
    ChangeSignal signal = new ChangeSignal();
    topology =
        new TopologyHarness(
            stateDir, SubtitleConfig.builder().persistentStores(false).build(), signal);
    server = SubtitleHttpServer.bind(http.withBindAddress("127.0.0.1").withPort(0));
    server.start(topology.config(), topology.stores(), locator, signal, health);
  }

  public ServerHarness(Path stateDir, HttpConfig http) throws IOException {
    this(stateDir, http, StreamLocator.LOCAL_ONLY, HealthCheck.ALWAYS_UP);
  }

  public TopologyHarness topology() {
    return topology;
  }

  public SubtitleHttpServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  /** GETs {@code pathAndQuery} with optional header name/value pairs. */
  public HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    return send("GET", pathAndQuery, headers);
  }

  public HttpResponse<String> send(String method, String pathAndQuery, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    topology.close();
  }
}
