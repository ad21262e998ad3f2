package io.livesubs.app.bench;

import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.stack.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Phase (b): the whole pipeline in {@code --fast} mode on the local stack. {@code parallelism}
 * streams, each carrying the whole audio (as each raw-engine thread decodes it), are sent as fast
 * as Kafka takes them to a job of that parallelism, one stream per subtask ({@link KeySpread}); the
 * clock runs from the first chunk handed to the producer until the last stream's end-of-stream cue
 * arrives on the cue topic. The job is running, models loaded, and warmed up (the same audio on
 * other streams, one per subtask, to their end: Kafka's and Flink's code paths take longer to
 * compile than the engines') before the clock starts. Stateless; runs on the calling thread.
 */
final class PipelinePhase {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private PipelinePhase() {}

  /**
   * The result.
   *
   * @param streams concurrent streams (= parallelism)
   * @param audioSeconds audio per stream
   * @param wallSeconds from the first chunk sent to the last end-of-stream cue received
   * @param complete whether every stream's end-of-stream cue arrived
   * @param finalCues final cues with text received
   * @param cpu where the process's CPU went while the clock ran, or null where unknown
   */
  record Result(
      int streams,
      double audioSeconds,
      double wallSeconds,
      boolean complete,
      int finalCues,
      CpuSplit.Split cpu) {

    /** Audio seconds of all streams per wall second; NaN when the run did not complete. */
    double xrt() {
      return complete && wallSeconds > 0 ? streams * audioSeconds / wallSeconds : Double.NaN;
    }
  }

  /** Runs the phase. */
  static Result run(
      LocalStack stack,
      BenchAudio audio,
      int parallelism,
      DeliveryGuarantee delivery,
      Map<String, String> jobOptions)
      throws Exception {
    List<StreamAudio> streams = new ArrayList<>();
    for (String id : KeySpread.ids("fast", parallelism, parallelism)) {
      streams.add(new StreamAudio(id, audio.samples(), 0, audio.samples().length));
    }
    List<String> ids = streams.stream().map(StreamAudio::id).toList();
    List<StreamAudio> warmUp = new ArrayList<>();
    for (String id : KeySpread.ids("warmup", parallelism, parallelism)) {
      warmUp.add(new StreamAudio(id, audio.samples(), 0, audio.samples().length));
    }
    List<String> warmUpIds = warmUp.stream().map(StreamAudio::id).toList();
    Set<String> warmUpSet = Set.copyOf(warmUpIds);
    CueTracker tracker = new CueTracker();
    CueTracker warmUpTracker = new CueTracker();
    try (PhaseJob job =
            PhaseJob.start(stack, "fast", parallelism, delivery, START_TIMEOUT, jobOptions);
        CueConsumer cues =
            CueConsumer.start(
                stack.bootstrapServers(),
                stack.registryUrl(),
                job.config().cueTopic(),
                cue -> (warmUpSet.contains(cue.stream()) ? warmUpTracker : tracker).accept(cue))) {
      // Untimed: JIT compilation of the whole path (Kafka, Flink, the operators) does not count.
      BenchIngest.send(
          stack.bootstrapServers(), stack.registryUrl(), job.config().audioTopic(), warmUp, false);
      if (!job.awaitEnded(warmUpTracker, warmUpIds, START_TIMEOUT)) {
        throw new IllegalStateException("the warm-up streams did not end within " + START_TIMEOUT);
      }
      CpuSplit.Mark cpu = CpuSplit.start();
      BenchIngest.Timing sent =
          BenchIngest.send(
              stack.bootstrapServers(),
              stack.registryUrl(),
              job.config().audioTopic(),
              streams,
              false);
      // Anything slower than real time per stream is a failure to report, not to wait out.
      Duration timeout =
          Duration.ofSeconds(60).plusMillis(Math.round(audio.seconds() * 1000 * parallelism));
      boolean complete = job.awaitEnded(tracker, ids, timeout);
      CpuSplit.Split split = cpu == null ? null : cpu.split();
      double wall = (tracker.lastEndNanos() - sent.firstChunkNanos()) / 1e9;
      return new Result(
          parallelism, audio.seconds(), wall, complete, tracker.emittedLatenciesMs().length, split);
    }
  }
}
