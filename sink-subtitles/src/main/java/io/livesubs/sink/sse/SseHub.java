package io.livesubs.sink.sse;

import com.sun.net.httpserver.HttpExchange;
import io.livesubs.sink.query.StreamLocator;
import io.livesubs.sink.query.TimelineQueries;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live push of timeline changes to Server-Sent-Events clients: admission (limits per stream and in
 * total), the clients' writer threads, and the {@link ChangePump} that feeds them.
 *
 * <p>The pump reads each subscribed timeline's changes from the stores and queues frames on each
 * client past that client's cursor. Clients are written by a cached pool of writer threads, one
 * drain task per client at a time, so a stalled client occupies one writer thread and never delays
 * the pump, other clients or the Kafka Streams thread. Changes are read from the stores rather than
 * passed along, so a client resuming with {@code Last-Event-ID} on any instance, or after a
 * restart, gets exactly the changes after its id; a cue revised several times between two reads is
 * sent once, at its latest version. A client keeps its place (and its writer thread) until its
 * connection is closed, even once it is told to close for stalling; the limits therefore bound
 * threads too.
 *
 * <p>Thread-safe. {@link #close} stops the pump and closes every client; it is idempotent.
 */
public final class SseHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);

  /** Outcome of {@link #open}. */
  public enum Admission {
    OPENED,
    STREAM_FULL,
    SERVER_FULL
  }

  private final ChangeSignal signal;
  private final SseSettings settings;
  private final ExecutorService writers;
  private final ChangePump pump;
  private final Map<String, List<SseClient>> channels = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perStream = new HashMap<>();
  private int total;
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean running = true;

  /** Starts the pump thread. */
  public SseHub(
      TimelineQueries queries, StreamLocator locator, ChangeSignal signal, SseSettings settings) {
    this.signal = signal;
    this.settings = settings;
    AtomicInteger writerNumber = new AtomicInteger();
    this.writers =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "sse-writer-" + writerNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.pump = new ChangePump(queries, locator, signal, settings, channels);
    pump.start();
  }

  /**
   * Admits a client and, if admitted, sends the 200 response headers and takes over the exchange;
   * the caller must not touch it afterwards. When not admitted, the exchange is left to the caller
   * (to answer 503).
   *
   * @param lastEventId the client has seen changes up to this number (0: none)
   */
  public Admission open(HttpExchange exchange, String streamId, String language, long lastEventId)
      throws IOException {
    synchronized (perStream) {
      if (total >= settings.maxClients()) {
        rejected.incrementAndGet();
        return Admission.SERVER_FULL;
      }
      AtomicInteger streamCount = perStream.get(streamId);
      if (streamCount != null && streamCount.get() >= settings.maxClientsPerStream()) {
        rejected.incrementAndGet();
        return Admission.STREAM_FULL;
      }
      perStream.computeIfAbsent(streamId, id -> new AtomicInteger()).incrementAndGet();
      total++;
    }
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
    } catch (IOException | RuntimeException e) {
      release(streamId);
      throw e;
    }
    SseClient client =
        new SseClient(
            exchange,
            streamId,
            language,
            lastEventId,
            settings.queueCapacity(),
            writers,
            () -> onClosed(streamId, language),
            signal::wake);
    client.offer(SseFrames.opening(settings.retryMs()));
    channels.compute(
        channelKey(streamId, language),
        (key, list) -> {
          List<SseClient> clients = list == null ? new CopyOnWriteArrayList<>() : list;
          clients.add(client);
          return clients;
        });
    signal.wake();
    return Admission.OPENED;
  }

  /** Connected clients (including closing ones whose writer has not finished). */
  public int clientCount() {
    synchronized (perStream) {
      return total;
    }
  }

  /** Frames of events queued to clients so far. */
  public long eventsQueued() {
    return pump.eventsQueued();
  }

  /** Connections refused because a limit was reached. */
  public long rejectedCount() {
    return rejected.get();
  }

  /** Clients disconnected because they did not keep up. */
  public long slowDisconnects() {
    return pump.slowDisconnects();
  }

  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    pump.stop();
    channels.values().forEach(list -> list.forEach(SseClient::requestClose));
    writers.shutdown();
    try {
      if (!writers.awaitTermination(2, TimeUnit.SECONDS)) {
        // Writers still blocked on stalled sockets are daemon threads; leave them.
        LOG.info("Some SSE writers still blocked on unresponsive clients at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onClosed(String streamId, String language) {
    List<SseClient> list = channels.get(channelKey(streamId, language));
    if (list != null) {
      list.removeIf(c -> !c.isOpen());
    }
    release(streamId);
  }

  private void release(String streamId) {
    synchronized (perStream) {
      total--;
      AtomicInteger count = perStream.get(streamId);
      if (count != null && count.decrementAndGet() <= 0) {
        perStream.remove(streamId);
      }
    }
  }

  private static String channelKey(String streamId, String language) {
    return streamId + '|' + language;
  }
}
