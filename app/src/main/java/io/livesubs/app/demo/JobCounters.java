package io.livesubs.app.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the job counted while the demo ran. The ordering counters come from the Flink REST API
 * (metrics {@code gaps}, {@code missingChunks}, {@code duplicates}, {@code lateChunks} and {@code
 * streamsEnded} of the ordering operator, summed over its subtasks); dead letters are counted in
 * the dead-letter topic itself. Immutable.
 *
 * @param gaps missing stretches of audio the job gave up waiting for
 * @param missingChunks chunks those gaps covered
 * @param duplicateChunks chunks received more than once and dropped
 * @param lateChunks chunks that came after their slot was given up, dropped
 * @param streamsEnded streams the ordering stage saw end
 * @param deadLetters records in the dead-letter topic, by reason code
 * @param source where the ordering counters came from, or why they are missing
 */
public record JobCounters(
    long gaps,
    long missingChunks,
    long duplicateChunks,
    long lateChunks,
    long streamsEnded,
    Map<String, Long> deadLetters,
    String source) {

  private static final Logger LOG = LoggerFactory.getLogger(JobCounters.class);
  private static final Set<String> NAMES =
      Set.of("gaps", "missingChunks", "duplicates", "lateChunks", "streamsEnded");

  /** Copies the map. */
  public JobCounters {
    deadLetters = Map.copyOf(deadLetters);
  }

  /** All dead letters, whatever the reason. */
  public long deadLetterTotal() {
    return deadLetters.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Reads the counters. The REST API caches metrics for a while, so this polls until the ordering
   * stage reports {@code streams} ended streams (then the counters include everything those streams
   * caused) or {@code timeout} passes; then it takes what it has and says so in {@link #source()}.
   */
  public static JobCounters read(
      String flinkWebUrl,
      String jobId,
      int streams,
      Map<String, Long> deadLetters,
      Duration timeout)
      throws InterruptedException {
    FlinkRestMetrics metrics = new FlinkRestMetrics(flinkWebUrl);
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Long> sums = Map.of();
    String problem = null;
    while (true) {
      try {
        sums = metrics.sums(jobId, NAMES);
        problem = null;
        if (sums.getOrDefault("streamsEnded", 0L) >= streams) {
          break;
        }
      } catch (IOException e) {
        problem = e.getMessage();
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(250); // poll interval of the REST API, not synchronisation
    }
    String source = "Flink REST API, ordering operator metrics summed over subtasks";
    if (problem != null) {
      LOG.warn("could not read the job's metrics: {}", problem);
      source = "unavailable: " + problem;
    } else if (sums.getOrDefault("streamsEnded", 0L) < streams) {
      source += " (incomplete: not every stream had ended in the metrics)";
    }
    return new JobCounters(
        sums.getOrDefault("gaps", 0L),
        sums.getOrDefault("missingChunks", 0L),
        sums.getOrDefault("duplicates", 0L),
        sums.getOrDefault("lateChunks", 0L),
        sums.getOrDefault("streamsEnded", 0L),
        deadLetters,
        source);
  }
}
