package io.livesubs.sink.sse;

import io.livesubs.sink.query.StreamLocator;
import io.livesubs.sink.query.TimelineQueries;
import io.livesubs.sink.query.TimelineQueries.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pump thread of {@link SseHub}: reads each subscribed timeline's changes from the stores
 * (woken by {@link ChangeSignal}, and every poll interval regardless) and queues frames on the
 * clients past their cursors, heartbeats on idle ones, and closes clients that stall or whose
 * stream moved to another instance. It never writes to a socket, so no client can block it. Owned
 * by the hub; {@link #stop} is idempotent.
 */
final class ChangePump {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePump.class);
  private static final int BATCH = 512;

  private final TimelineQueries queries;
  private final StreamLocator locator;
  private final ChangeSignal signal;
  private final SseSettings settings;
  private final Map<String, List<SseClient>> channels;
  private final Thread thread;
  private final AtomicLong eventsQueued = new AtomicLong();
  private final AtomicLong slowDisconnects = new AtomicLong();
  private volatile boolean running = true;

  ChangePump(
      TimelineQueries queries,
      StreamLocator locator,
      ChangeSignal signal,
      SseSettings settings,
      Map<String, List<SseClient>> channels) {
    this.queries = queries;
    this.locator = locator;
    this.signal = signal;
    this.settings = settings;
    this.channels = channels;
    this.thread = new Thread(this::runPump, "sse-pump");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() {
    running = false;
    signal.wake();
    thread.interrupt();
  }

  long eventsQueued() {
    return eventsQueued.get();
  }

  long slowDisconnects() {
    return slowDisconnects.get();
  }

  private void runPump() {
    while (running) {
      boolean more = false;
      try {
        more = pumpOnce();
      } catch (RuntimeException e) {
        LOG.warn("Live push pass failed; retrying", e);
      }
      if (!more) {
        try {
          signal.await(settings.pollMs());
        } catch (InterruptedException e) {
          if (!running) {
            return;
          }
        }
      }
    }
  }

  /** One pass over all subscribed timelines; returns whether a timeline has more to send. */
  private boolean pumpOnce() {
    boolean more = false;
    for (String key : channels.keySet()) {
      // Drops the timelines nobody listens to any more; atomic with open() adding a client.
      List<SseClient> clients = channels.computeIfPresent(key, (k, v) -> v.isEmpty() ? null : v);
      if (clients == null) {
        continue;
      }
      List<SseClient> open = clients.stream().filter(SseClient::isOpen).toList();
      if (open.isEmpty()) {
        continue;
      }
      SseClient first = open.get(0);
      if (locator.locate(first.streamId).kind() != StreamLocator.Kind.LOCAL) {
        // The stream moved: clients reconnect with Last-Event-ID and are forwarded.
        open.forEach(SseClient::requestClose);
        continue;
      }
      more |= pumpChannel(first.streamId, first.language, open);
      long now = System.nanoTime();
      for (SseClient client : open) {
        if (client.stalledFor(now) > settings.stallTimeoutMs() * 1_000_000) {
          slowDisconnects.incrementAndGet();
          LOG.info(
              "Closing SSE client of {}/{}: no write completed for {} ms",
              client.streamId,
              client.language,
              settings.stallTimeoutMs());
          client.requestClose();
        } else if (now - client.lastOfferNanos > settings.heartbeatMs() * 1_000_000
            && client.offer(SseFrames.heartbeat())) {
          client.lastOfferNanos = now;
        }
      }
    }
    return more;
  }

  /**
   * Queues the changes past each client's cursor, as many as its queue has room for; the rest
   * follow in later passes (a client short of room asks for a wake-up once its writer made some).
   * Clients are read for in cohorts of equal cursor, so live clients share one read and a client
   * catching up never holds back the others. Returns whether a cohort may have more.
   */
  private boolean pumpChannel(String streamId, String language, List<SseClient> clients) {
    Map<Long, List<SseClient>> cohorts = new TreeMap<>();
    for (SseClient client : clients) {
      if (client.room() > 0) {
        cohorts.computeIfAbsent(client.cursor, c -> new ArrayList<>()).add(client);
      } else {
        client.markHungry();
      }
    }
    Map<Long, byte[]> frames = new HashMap<>();
    boolean more = false;
    for (Map.Entry<Long, List<SseClient>> cohort : cohorts.entrySet()) {
      int limit =
          Math.min(BATCH, cohort.getValue().stream().mapToInt(SseClient::room).max().orElse(0));
      List<Change> changes;
      try {
        changes = queries.changesAfter(streamId, language, cohort.getKey(), limit);
      } catch (InvalidStateStoreException e) {
        LOG.debug("Stores not queryable for {}/{}: {}", streamId, language, e.getMessage());
        return false;
      }
      long now = System.nanoTime();
      for (SseClient client : cohort.getValue()) {
        for (Change change : changes) {
          byte[] frame =
              frames.computeIfAbsent(
                  change.changeSeq(), seq -> SseFrames.change(streamId, language, change));
          if (client.room() == 0 || !client.offer(frame)) {
            client.markHungry();
            break;
          }
          eventsQueued.incrementAndGet();
          client.cursor = change.changeSeq();
          client.lastOfferNanos = now;
        }
      }
      if (changes.size() == limit) {
        more = true;
        cohort.getValue().forEach(SseClient::markHungry);
      }
    }
    return more;
  }
}
