package io.livesubs.sink.sse;

/**
 * Limits and timings of live push. Immutable.
 *
 * @param maxClientsPerStream connected clients allowed per stream (all languages), default 100
 * @param maxClients connected clients allowed in total, default 2000
 * @param queueCapacity frames queued per client at most; further changes wait in the stores,
 *     default 256
 * @param stallTimeoutMs a client whose queued frames wait this long without a completed write is
 *     disconnected, default 30000
 * @param heartbeatMs idle time after which a heartbeat comment is sent, default 15000
 * @param pollMs how often timelines are re-read without a change signal, default 500
 * @param retryMs reconnection delay told to clients, default 2000
 */
public record SseSettings(
    int maxClientsPerStream,
    int maxClients,
    int queueCapacity,
    long stallTimeoutMs,
    long heartbeatMs,
    long pollMs,
    long retryMs) {

  /** Validates every field. */
  public SseSettings {
    positive("max SSE clients per stream", maxClientsPerStream);
    positive("max SSE clients", maxClients);
    positive("SSE queue capacity", queueCapacity);
    positive("SSE stall timeout (ms)", stallTimeoutMs);
    positive("SSE heartbeat interval (ms)", heartbeatMs);
    positive("SSE poll interval (ms)", pollMs);
    positive("SSE retry delay (ms)", retryMs);
  }

  /** Returns the defaults. */
  public static SseSettings defaults() {
    return new SseSettings(100, 2000, 256, 30_000, 15_000, 500, 2000);
  }

  /** Returns a copy with another per-stream client limit. */
  public SseSettings withMaxClientsPerStream(int limit) {
    return new SseSettings(
        limit, maxClients, queueCapacity, stallTimeoutMs, heartbeatMs, pollMs, retryMs);
  }

  /** Returns a copy with another total client limit. */
  public SseSettings withMaxClients(int limit) {
    return new SseSettings(
        maxClientsPerStream, limit, queueCapacity, stallTimeoutMs, heartbeatMs, pollMs, retryMs);
  }

  /** Returns a copy with another per-client queue capacity. */
  public SseSettings withQueueCapacity(int frames) {
    return new SseSettings(
        maxClientsPerStream, maxClients, frames, stallTimeoutMs, heartbeatMs, pollMs, retryMs);
  }

  /** Returns a copy with another stall timeout. */
  public SseSettings withStallTimeoutMs(long ms) {
    return new SseSettings(
        maxClientsPerStream, maxClients, queueCapacity, ms, heartbeatMs, pollMs, retryMs);
  }

  /** Returns a copy with another heartbeat interval. */
  public SseSettings withHeartbeatMs(long ms) {
    return new SseSettings(
        maxClientsPerStream, maxClients, queueCapacity, stallTimeoutMs, ms, pollMs, retryMs);
  }

  private static void positive(String what, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, got " + value);
    }
  }
}
