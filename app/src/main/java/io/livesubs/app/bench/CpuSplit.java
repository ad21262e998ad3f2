package io.livesubs.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where this JVM's CPU time went between two moments: the Flink job's task threads, the other Java
 * threads (the in-process Kafka broker, schema registry, ingest producer, cue reader and Flink's
 * runtime), and the rest of the process (the JIT compilers, the garbage collector, native threads
 * the JVM does not know of, and threads that ended in between), in cores (CPU seconds per wall
 * second). The pipeline phase shares the machine with all of these, the raw-engine loop with none,
 * so this is what its throughput ratio is made of.
 *
 * <p>Task threads are recognised by the name Flink gives them, {@code "<task> (<n>/<m>)#<attempt>"}
 * (a Kafka source's fetcher threads carry it too). Needs per-thread CPU time (HotSpot on Linux has
 * it); {@link #start()} returns null where it is missing. Immutable; {@link #start()} and {@link
 * Mark#split()} run on the calling thread.
 */
final class CpuSplit {

  private static final Pattern FLINK_TASK = Pattern.compile(".* \\(\\d+/\\d+\\)#\\d+$");

  /**
   * The split.
   *
   * @param wallSeconds length of the window
   * @param jobCores CPU of the Flink job's task threads per wall second
   * @param otherThreadCores CPU of all other live Java threads per wall second
   * @param restCores the rest of the process's CPU per wall second (JIT, GC, ended threads)
   */
  record Split(double wallSeconds, double jobCores, double otherThreadCores, double restCores) {

    /** The whole process. */
    double totalCores() {
      return jobCores + otherThreadCores + restCores;
    }
  }

  /** A starting point; {@link #split()} measures from it to now. */
  static final class Mark {
    private final long wallNanos;
    private final long processNanos;
    private final Map<Long, Long> threadNanos;

    private Mark(long wallNanos, long processNanos, Map<Long, Long> threadNanos) {
      this.wallNanos = wallNanos;
      this.processNanos = processNanos;
      this.threadNanos = threadNanos;
    }

    /** The split from this mark until now. */
    Split split() {
      long wall = System.nanoTime() - wallNanos;
      long process = processCpuNanos() - processNanos;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long job = 0;
      long other = 0;
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info == null) {
          continue; // ended since the ids were listed
        }
        long now = threads.getThreadCpuTime(info.getThreadId());
        if (now < 0) {
          continue;
        }
        long spent = now - threadNanos.getOrDefault(info.getThreadId(), 0L);
        if (isFlinkTask(info.getThreadName())) {
          job += spent;
        } else {
          other += spent;
        }
      }
      double seconds = wall / 1e9;
      return new Split(
          seconds,
          job / 1e9 / seconds,
          other / 1e9 / seconds,
          Math.max(0, process - job - other) / 1e9 / seconds);
    }
  }

  private CpuSplit() {}

  /** Marks now; null when this JVM cannot tell CPU time per thread or for the process. */
  static Mark start() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()
        || !threads.isThreadCpuTimeEnabled()
        || processCpuNanos() < 0) {
      return null;
    }
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return new Mark(System.nanoTime(), processCpuNanos(), cpu);
  }

  /** Whether {@code threadName} is a Flink task thread. */
  static boolean isFlinkTask(String threadName) {
    return FLINK_TASK.matcher(threadName).matches();
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean hotSpot
        ? hotSpot.getProcessCpuTime()
        : -1;
  }
}
