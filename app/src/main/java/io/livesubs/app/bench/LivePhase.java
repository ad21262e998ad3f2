package io.livesubs.app.bench;

import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.demo.LatencyStats;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.ingest.audio.PcmFormat;
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
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase (c): {@code streams} live-paced streams at once. Stream {@code i} carries {@code duration}
 * of the audio starting at {@code i / streams} of its length (wrapping around), so the streams do
 * not all speak and pause in lockstep. While the audio is sent, the job's lag behind live ({@value
 * #LAG_METRIC}: now minus the capture time of the last audio its speech detection processed, the
 * largest over all streams and subtasks) is sampled every second through the Flink REST API, and
 * {@link FlatLag} decides whether it stays flat. Final-cue latency is measured from the end of each
 * cue's last word ({@link CueLatency}). Stateless; runs on the calling thread and one ingest
 * thread.
 */
final class LivePhase {

  /** The job's metric of lag behind live, in ms, on its speech detection operator. */
  static final String LAG_METRIC = "maxLagBehindLiveMs";

  private static final Logger LOG = LoggerFactory.getLogger(LivePhase.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration END_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

  private LivePhase() {}

  /**
   * The result.
   *
   * @param streams concurrent live streams
   * @param audioSeconds audio per stream
   * @param finalLatency final-cue latency as the job emitted the cues, ms
   * @param receivedLatency final-cue latency as a consumer of the cue topic received them, ms
   * @param phraseEndLatency latency of the last final cue of each phrase, as emitted, ms
   * @param lag lag behind live while the audio was sent
   * @param verdict whether the lag stayed flat
   * @param heap heap during the phase
   * @param complete whether every stream's end-of-stream cue arrived
   */
  record Result(
      int streams,
      double audioSeconds,
      LatencyStats finalLatency,
      LatencyStats receivedLatency,
      LatencyStats phraseEndLatency,
      List<FlatLag.Sample> lag,
      FlatLag.Verdict verdict,
      HeapSampler.HeapPeak heap,
      boolean complete) {

    /** Copies the samples. */
    Result {
      lag = List.copyOf(lag);
    }
  }

  /** Runs the phase. */
  static Result run(
      LocalStack stack,
      BenchAudio audio,
      int streamCount,
      int durationSeconds,
      int parallelism,
      DeliveryGuarantee delivery,
      Map<String, String> jobOptions)
      throws Exception {
    short[] recording = audio.samples();
    long length = (long) durationSeconds * PcmFormat.SAMPLE_RATE;
    List<StreamAudio> streams = new ArrayList<>();
    List<String> ids = KeySpread.ids("live", streamCount, parallelism);
    for (int i = 0; i < streamCount; i++) {
      int offset = (int) ((long) recording.length * i / streamCount);
      streams.add(new StreamAudio(ids.get(i), recording, offset, length));
    }
    CueTracker tracker = new CueTracker();
    ExecutorService ingest = Executors.newSingleThreadExecutor();
    try (PhaseJob job =
            PhaseJob.start(stack, "live", parallelism, delivery, START_TIMEOUT, jobOptions);
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
                      true));
      List<FlatLag.Sample> lag = sampleLag(job, sending, startNanos);
      boolean complete = job.awaitEnded(tracker, ids, END_TIMEOUT);
      return new Result(
          streamCount,
          durationSeconds,
          LatencyStats.of(tracker.emittedLatenciesMs()),
          LatencyStats.of(tracker.receivedLatenciesMs()),
          LatencyStats.of(tracker.phraseEndLatenciesMs()),
          lag,
          FlatLag.decide(lag),
          heap.peak(),
          complete);
    } finally {
      ingest.shutdownNow();
    }
  }

  /** Samples the lag every second until the audio has been sent. */
  private static List<FlatLag.Sample> sampleLag(
      PhaseJob job, Future<BenchIngest.Timing> sending, long startNanos) throws Exception {
    List<FlatLag.Sample> samples = new ArrayList<>();
    String problem = null;
    while (true) {
      try {
        sending.get(SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException e) {
        // still sending: take a sample
      } catch (ExecutionException e) {
        throw new IllegalStateException("sending the live audio failed: " + e.getCause(), e);
      }
      job.checkAlive();
      try {
        OptionalDouble lagMs =
            job.metrics().aggregate(job.jobId(), LAG_METRIC, JobMetrics.Aggregation.MAX);
        // -1: no stream in progress on any subtask yet
        if (lagMs.isPresent() && lagMs.getAsDouble() >= 0) {
          samples.add(
              new FlatLag.Sample(
                  (System.nanoTime() - startNanos) / 1e9, lagMs.getAsDouble() / 1000));
        }
      } catch (IOException e) {
        problem = e.getMessage();
      }
    }
    if (samples.isEmpty() && problem != null) {
      LOG.warn("could not read the job's lag metric {}: {}", LAG_METRIC, problem);
    }
    return samples;
  }
}
