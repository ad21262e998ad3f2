package io.livesubs.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures this JVM's heap while a phase runs, in two ways: the used heap sampled at a fixed
 * interval by a background thread (garbage not yet collected included, so it depends on the
 * collector's heuristics as much as on what is kept), and the heap still occupied right after each
 * garbage collection, reported by the collectors' notifications (what the application retains: a
 * backlog held in memory would show here). Both are a measurement only; nothing waits on them.
 *
 * <p>Owns its thread and notification listeners; {@link #close()} stops and removes them and is
 * idempotent. {@link #peak()} may be called from any thread.
 */
final class HeapSampler implements AutoCloseable {

  private static final long MB = 1024 * 1024;

  private final Thread thread;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private final Set<String> heapPools;
  private final long intervalMillis;
  private long peakUsed;
  private long peakAfterGc = -1;
  private int collections;
  private volatile boolean stopping;
  private boolean closed;

  private HeapSampler(Duration interval) {
    this.intervalMillis = interval.toMillis();
    this.heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    this.thread = new Thread(this::sampleLoop, "livesubs-bench-heap");
    this.thread.setDaemon(true);
  }

  /** Starts sampling every {@code interval} and listening to garbage collections. */
  static HeapSampler start(Duration interval) {
    HeapSampler sampler = new HeapSampler(interval);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(sampler.listener, null, null);
        sampler.emitters.add(emitter);
      }
    }
    sampler.sample();
    sampler.thread.start();
    return sampler;
  }

  private void sampleLoop() {
    try {
      while (!stopping) {
        sample();
        Thread.sleep(intervalMillis); // the sampling interval
      }
    } catch (InterruptedException e) {
      // close() stops the sampler
    }
  }

  private synchronized void sample() {
    peakUsed =
        Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        after += pool.getValue().getUsed();
      }
    }
    synchronized (this) {
      peakAfterGc = Math.max(peakAfterGc, after);
      collections++;
    }
  }

  /** The peaks so far. */
  synchronized HeapPeak peak() {
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    return new HeapPeak(
        peakUsed / (double) MB,
        peakAfterGc < 0 ? Double.NaN : peakAfterGc / (double) MB,
        collections,
        max < 0 ? Double.NaN : max / (double) MB);
  }

  /** Stops sampling and listening. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    thread.interrupt();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already removed
      }
    }
  }

  /**
   * Heap figures of one phase, in MiB.
   *
   * @param usedMb the largest used heap sampled
   * @param afterGcMb the largest heap occupancy right after a collection; NaN if none ran
   * @param collections garbage collections during the phase
   * @param maxMb the heap's limit ({@code -Xmx}); NaN if undefined
   */
  record HeapPeak(double usedMb, double afterGcMb, int collections, double maxMb) {

    /**
     * What the benchmark reports as the phase's peak heap: the largest occupancy after a
     * collection, which is what the application keeps; when no collection ran, the largest used
     * heap sampled (an upper bound of it).
     */
    double retainedMb() {
      return Double.isNaN(afterGcMb) ? usedMb : afterGcMb;
    }
  }
}
