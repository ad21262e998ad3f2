package io.livesubs.app.bench;

import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.demo.LatencyStats;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.ingest.audio.PcmFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Live-paced streams through a job that translates every stream's captions into the target
 * languages (its default targets, so no stream config is needed): the latency translation adds to
 * each final translated cue ({@link TranslationLatency}) next to the source cues' own latency
 * ({@link CueTracker}). Streams start at staggered points of the recording, as in {@link
 * LivePhase}. Stateless; runs on the calling thread and one ingest thread.
 */
final class TranslationPhase {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration END_TIMEOUT = Duration.ofMinutes(2);

  private TranslationPhase() {}

  /**
   * The result.
   *
   * @param streams concurrent live streams
   * @param sourceFinal latency of the source final cues, as emitted, ms
   * @param added per target language, the latency translation added to its final cues, ms
   * @param translatedCues per target language, final translated cues
   * @param sourcePhrases the source phrases, for the engine's own measurement
   * @param complete whether every stream ended in every language
   */
  record Result(
      int streams,
      LatencyStats sourceFinal,
      Map<String, LatencyStats> added,
      Map<String, Integer> translatedCues,
      List<String> sourcePhrases,
      boolean complete) {

    /** Copies the collections. */
    Result {
      added = Map.copyOf(added);
      translatedCues = Map.copyOf(translatedCues);
      sourcePhrases = List.copyOf(sourcePhrases);
    }
  }

  /** Runs the phase with the job's translation {@code options} plus the default targets. */
  static Result run(
      LocalStack stack,
      BenchAudio audio,
      int streamCount,
      int durationSeconds,
      int parallelism,
      DeliveryGuarantee delivery,
      List<String> targets,
      Map<String, String> options)
      throws Exception {
    short[] recording = audio.samples();
    long length = (long) durationSeconds * PcmFormat.SAMPLE_RATE;
    List<String> ids = KeySpread.ids("translated", streamCount, parallelism);
    List<StreamAudio> streams = new ArrayList<>();
    for (int i = 0; i < streamCount; i++) {
      int offset = (int) ((long) recording.length * i / streamCount);
      streams.add(new StreamAudio(ids.get(i), recording, offset, length));
    }
    Map<String, String> jobOptions = new LinkedHashMap<>(options);
    jobOptions.put("translation.enabled", "true");
    jobOptions.put("translation.default-targets", String.join(",", targets));

    CueTracker tracker = new CueTracker();
    TranslationLatency translation = new TranslationLatency("en");
    ExecutorService ingest = Executors.newSingleThreadExecutor();
    try (PhaseJob job =
            PhaseJob.start(stack, "translate", parallelism, delivery, START_TIMEOUT, jobOptions);
        CueConsumer cues =
            CueConsumer.start(
                stack.bootstrapServers(),
                stack.registryUrl(),
                job.config().cueTopic(),
                cue -> {
                  tracker.accept(cue);
                  translation.accept(cue);
                })) {
      Future<BenchIngest.Timing> sending =
          ingest.submit(
              () ->
                  BenchIngest.send(
                      stack.bootstrapServers(),
                      stack.registryUrl(),
                      job.config().audioTopic(),
                      streams,
                      true));
      sending.get(durationSeconds + END_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      boolean complete =
          job.awaitEnded(tracker, ids, END_TIMEOUT)
              && translation.awaitEnded(ids, targets, END_TIMEOUT);
      Map<String, LatencyStats> added = new LinkedHashMap<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String target : targets) {
        added.put(target, LatencyStats.of(translation.addedLatenciesMs(target)));
        counts.put(target, translation.translatedCues(target));
      }
      return new Result(
          streamCount,
          LatencyStats.of(tracker.emittedLatenciesMs()),
          added,
          counts,
          translation.sourcePhrases(),
          complete);
    } finally {
      ingest.shutdownNow();
    }
  }
}
