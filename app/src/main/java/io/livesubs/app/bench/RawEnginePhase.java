package io.livesubs.app.bench;

import io.livesubs.inference.bench.BenchmarkResult;
import io.livesubs.inference.bench.RawEngineBenchmark;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.jobs.RecognitionSettings;
import io.livesubs.jobs.speech.AsrSettings.LoadedEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Phase (a): the raw engines alone, VAD + ASR in a plain Java loop ({@link RawEngineBenchmark}), no
 * Kafka, no Flink. The engines are opened from the job's own recognition settings (its defaults
 * with the bench's {@code -R} options: the same VAD segmentation, the same ASR model and partial
 * interval, partial word times off as in the job) and fed in the job's chunk size, so that the
 * pipeline phase does exactly the same model work. {@code threads} threads each decode the whole
 * audio at the same time, one stream each, sharing the loaded models as the job's subtasks do,
 * after an untimed warm-up pass over the same audio, so that JIT compilation and the engines' first
 * allocations do not count (the pipeline phase warms up the same way). Stateless; runs on the
 * calling thread and its own pool.
 */
final class RawEnginePhase {

  private RawEnginePhase() {}

  /**
   * The result: aggregate throughput of all threads.
   *
   * @param threads threads, one stream each
   * @param audioSeconds audio per stream
   * @param xrt audio seconds per wall second of VAD + ASR, summed over the threads (each thread's
   *     audio over its own wall time of the VAD + ASR pass)
   * @param vadXrt VAD alone, per thread (mean)
   * @param asrSpeechXrt ASR alone on the detected speech, per thread (mean)
   * @param segments speech segments detected per stream
   */
  record Result(
      int threads,
      double audioSeconds,
      double xrt,
      double vadXrt,
      double asrSpeechXrt,
      int segments) {}

  /** Runs the phase on {@code samples} with the job's recognition {@code settings}. */
  static Result run(short[] samples, int threads, RecognitionSettings settings)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SileroVad vad = settings.vad().openModel();
        LoadedEngine asr = settings.asr().open()) {
      RawEngineBenchmark benchmark =
          new RawEngineBenchmark(
              vad,
              settings.vad().vadConfig(),
              asr.engine(),
              PcmFormat.samplesForMs(BenchIngest.CHUNK_MS),
              settings.asr().partialIntervalMs());
      List<Future<BenchmarkResult>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  benchmark.run(samples); // not timed: compiles the Java side of both engines
                  return benchmark.run(samples);
                }));
      }
      List<BenchmarkResult> results = new ArrayList<>();
      for (Future<BenchmarkResult> future : futures) {
        results.add(future.get());
      }
      return new Result(
          threads,
          results.get(0).audioSeconds(),
          results.stream().mapToDouble(BenchmarkResult::pipelineXrt).sum(),
          results.stream().mapToDouble(BenchmarkResult::vadXrt).average().orElse(Double.NaN),
          results.stream().mapToDouble(BenchmarkResult::asrSpeechXrt).average().orElse(Double.NaN),
          results.get(0).segmentCount());
    } catch (ExecutionException e) {
      throw new IllegalStateException("the raw engine benchmark failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
  }
}
