package io.livesubs.jobs.speech;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Lag behind live per stream: wall-clock now minus the capture time of the stream's last processed
 * audio, the number an operator watches to see whether a stream keeps up.
 *
 * <p>Each stream gets a gauge {@code lagBehindLiveMs} in the group {@code stream.<id>}, registered
 * the first time the stream is seen. Flink cannot unregister a metric group, so at most {@code
 * maxStreamGroups} streams per subtask get one (a long-running job sees unboundedly many streams);
 * later streams are still covered by {@code maxLagBehindLiveMs}, the largest lag of all streams in
 * progress on the subtask. A stream's gauge reads -1 once the stream has ended.
 *
 * <p>Updated by the task thread, read by the metric reporter thread (hence the concurrent map).
 */
final class StreamLagGauges {

  /** Default bound on per-stream metric groups per subtask. */
  static final int DEFAULT_MAX_STREAM_GROUPS = 256;

  private final MetricGroup group;
  private final int maxStreamGroups;
  private final LongSupplier clock;
  private final Map<String, Long> lastCaptureMs = new ConcurrentHashMap<>();
  private final Set<String> registered = new HashSet<>();

  StreamLagGauges(MetricGroup group, int maxStreamGroups, LongSupplier clock) {
    this.group = group;
    this.maxStreamGroups = maxStreamGroups;
    this.clock = clock;
    group.gauge("maxLagBehindLiveMs", (Gauge<Long>) this::maxLag);
  }

  /** The stream's audio up to capture time {@code captureTimeMs} has been processed. */
  void processed(String streamId, long captureTimeMs) {
    lastCaptureMs.put(streamId, captureTimeMs);
    if (registered.size() < maxStreamGroups && registered.add(streamId)) {
      group
          .addGroup("stream", streamId)
          .gauge("lagBehindLiveMs", (Gauge<Long>) () -> lag(lastCaptureMs.get(streamId)));
    }
  }

  /** The stream ended: it no longer lags. */
  void ended(String streamId) {
    lastCaptureMs.remove(streamId);
  }

  private long maxLag() {
    long max = -1;
    for (Long capture : lastCaptureMs.values()) {
      max = Math.max(max, lag(capture));
    }
    return max;
  }

  private long lag(Long captureMs) {
    return captureMs == null ? -1 : Math.max(0, clock.getAsLong() - captureMs);
  }
}
