package io.livesubs.app.bench;

import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.stack.LocalStack;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase (d): a backlog. {@code streams} streams of the whole audio each are sent as fast as Kafka
 * takes them (far above {@value #MIN_BACKLOG_XRT}× real time) while the job works through them at
 * its own speed for {@code window} (or until it has caught up). Meanwhile {@link HeapSampler}
 * measures this JVM's heap, and every second the job's Kafka source reports how many records it has
 * not fetched yet ({@value #WAITING_METRIC}, its consumer's lag, summed over subtasks): with
 * backpressure working, the backlog waits in Kafka and the heap does not grow with it. Stateless;
 * runs on the calling thread and one ingest thread.
 */
final class BacklogPhase {

  /** The least ingest rate, in audio seconds per wall second, that counts as a backlog. */
  static final double MIN_BACKLOG_XRT = 10;

  /** The Kafka source's metric of records not fetched yet (its consumer's lag). */
  static final String WAITING_METRIC = "pendingRecords";

  /** The job's metric of audio processed, in seconds, on its speech detection operator. */
  static final String AUDIO_METRIC = "audioSecondsProcessed";

  private static final Logger LOG = LoggerFactory.getLogger(BacklogPhase.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

  private BacklogPhase() {}

  /**
   * The result.
   *
   * @param streams streams in the backlog
   * @param audioSeconds audio of all streams together
   * @param ingestXrt audio seconds sent per wall second
   * @param windowSeconds how long the job worked on the backlog
   * @param processedSeconds audio the job's speech detection processed in that time; NaN if its
   *     metric could not be read
   * @param maxWaitingSeconds the most audio that waited in Kafka, unread by the job; NaN if the
   *     source's metric could not be read
   * @param endWaitingSeconds audio still waiting in Kafka at the end of the window; NaN if unknown
   * @param checkpoints checkpoints the job completed during the phase; -1 if unknown
   * @param heap heap during the phase
   * @param caughtUp whether the job finished the whole backlog within the window
   */
  record Result(
      int streams,
      double audioSeconds,
      double ingestXrt,
      double windowSeconds,
      double processedSeconds,
      double maxWaitingSeconds,
      double endWaitingSeconds,
      long checkpoints,
      HeapSampler.HeapPeak heap,
      boolean caughtUp) {}

  /** Runs the phase. */
  static Result run(
      LocalStack stack,
      BenchAudio audio,
      int streamCount,
      Duration window,
      int parallelism,
      DeliveryGuarantee delivery,
      Map<String, String> jobOptions)
      throws Exception {
    short[] recording = audio.samples();
    List<String> ids = KeySpread.ids("backlog", streamCount, parallelism);
    List<StreamAudio> streams = new ArrayList<>();
    for (int i = 0; i < streamCount; i++) {
      int offset = (int) ((long) recording.length * i / streamCount);
      streams.add(new StreamAudio(ids.get(i), recording, offset, recording.length));
    }
    double totalSeconds = streamCount * audio.seconds();
    CueTracker tracker = new CueTracker();
    ExecutorService ingest = Executors.newSingleThreadExecutor();
    try (PhaseJob job =
            PhaseJob.start(stack, "backlog", parallelism, delivery, START_TIMEOUT, jobOptions);
        CueConsumer cues =
            CueConsumer.start(
                stack.bootstrapServers(),
                stack.registryUrl(),
                job.config().cueTopic(),
                tracker::accept);
        HeapSampler heap = HeapSampler.start(Duration.ofMillis(100))) {
      long startNanos = System.nanoTime();
      Future<BenchIngest.Timing> sending =
          ingest.submit(
              () ->
                  BenchIngest.send(
                      stack.bootstrapServers(),
                      stack.registryUrl(),
                      job.config().audioTopic(),
                      streams,
                      false));
      long deadline = startNanos + window.toNanos();
      long maxWaitingRecords = -1;
      long waitingRecords = -1;
      BenchIngest.Timing sent = null;
      boolean caughtUp = false;
      while (System.nanoTime() < deadline) {
        if (sent == null) {
          sent = poll(sending);
        }
        if (sent != null && tracker.awaitEnded(ids, SAMPLE_INTERVAL)) {
          caughtUp = true;
          break;
        }
        if (sent == null) {
          TimeUnit.MILLISECONDS.sleep(SAMPLE_INTERVAL.toMillis()); // the sampling interval
        }
        job.checkAlive();
        waitingRecords = waitingRecords(job);
        maxWaitingRecords = Math.max(maxWaitingRecords, waitingRecords);
      }
      double windowSeconds = (System.nanoTime() - startNanos) / 1e9;
      if (sent == null) {
        sent = sending.get(window.toSeconds() + 60, TimeUnit.SECONDS);
      }
      return new Result(
          streamCount,
          totalSeconds,
          totalSeconds / sent.seconds(),
          windowSeconds,
          processedSeconds(job),
          audioSeconds(maxWaitingRecords, totalSeconds),
          caughtUp ? 0 : audioSeconds(waitingRecords, totalSeconds),
          completedCheckpoints(job),
          heap.peak(),
          caughtUp);
    } finally {
      ingest.shutdownNow();
    }
  }

  /** The ingest's timing if it is done, else null. */
  private static BenchIngest.Timing poll(Future<BenchIngest.Timing> sending)
      throws InterruptedException {
    if (!sending.isDone()) {
      return null;
    }
    try {
      return sending.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("sending the backlog failed: " + e.getCause(), e);
    }
  }

  /** Audio in {@code records} of the audio topic; NaN for an unknown (negative) count. */
  private static double audioSeconds(long records, double totalSeconds) {
    // Each record is one chunk of one stream; the few end-of-stream records carry none.
    return records < 0
        ? Double.NaN
        : Math.min(totalSeconds, records * BenchIngest.CHUNK_MS / 1000.0);
  }

  /** Records the job's Kafka source has not fetched yet; -1 if its metric cannot be read. */
  private static long waitingRecords(PhaseJob job) throws InterruptedException {
    try {
      OptionalDouble records =
          job.metrics().aggregate(job.jobId(), WAITING_METRIC, JobMetrics.Aggregation.SUM);
      return records.isPresent() ? Math.round(records.getAsDouble()) : -1;
    } catch (IOException e) {
      LOG.debug("could not read {}: {}", WAITING_METRIC, e.getMessage());
      return -1;
    }
  }

  private static long completedCheckpoints(PhaseJob job) throws InterruptedException {
    try {
      return job.metrics().completedCheckpoints(job.jobId());
    } catch (IOException e) {
      LOG.warn("could not read the job's checkpoints: {}", e.getMessage());
      return -1;
    }
  }

  private static double processedSeconds(PhaseJob job) throws InterruptedException {
    try {
      OptionalDouble seconds =
          job.metrics().aggregate(job.jobId(), AUDIO_METRIC, JobMetrics.Aggregation.SUM);
      return seconds.orElse(Double.NaN);
    } catch (IOException e) {
      LOG.warn("could not read the job's metric {}: {}", AUDIO_METRIC, e.getMessage());
      return Double.NaN;
    }
  }
}
