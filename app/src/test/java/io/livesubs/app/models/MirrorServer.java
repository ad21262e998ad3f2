package io.livesubs.app.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process HTTP mirror on the loopback interface: {@code GET /<path>} serves {@code
 * root/<path>}, honouring {@code Range: bytes=N-} with 206 unless told to ignore ranges. Records
 * the requests it saw. Thread-safe; close to stop.
 */
final class MirrorServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final Path root;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> rangeHeaders = new ConcurrentHashMap<>();
  private final AtomicLong bytesServed = new AtomicLong();
  private volatile boolean ignoreRanges;

  MirrorServer(Path root) throws IOException {
    this.root = root;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, ending in {@code /}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Answer range requests with the whole file (200), as servers without range support do. */
  void ignoreRanges(boolean ignore) {
    this.ignoreRanges = ignore;
  }

  /** Paths requested so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The Range header last sent for {@code path}, or null. */
  String rangeHeader(String path) {
    return rangeHeaders.get(path);
  }

  /** Body bytes sent so far. */
  long bytesServed() {
    return bytesServed.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(1);
      requests.add(path);
      String range = exchange.getRequestHeaders().getFirst("Range");
      if (range != null) {
        rangeHeaders.put(path, range);
      }
      Path file = root.resolve(path).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] content = Files.readAllBytes(file);
      int from = 0;
      Matcher m = range == null ? null : RANGE.matcher(range);
      if (m != null && m.matches() && !ignoreRanges) {
        from = Integer.parseInt(m.group(1));
        if (from >= content.length) {
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        exchange
            .getResponseHeaders()
            .add(
                "Content-Range",
                "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        exchange.sendResponseHeaders(206, content.length - from);
      } else {
        exchange.sendResponseHeaders(200, content.length);
      }
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content, from, content.length - from);
      }
      bytesServed.addAndGet(content.length - from);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
