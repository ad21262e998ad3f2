package io.livesubs.app.bench;

import io.livesubs.inference.bench.BenchmarkResult;
import io.livesubs.inference.bench.RawEngineBenchmark;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.jobs.RecognitionSettings;
import io.livesubs.jobs.speech.AsrSettings.LoadedEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase (a): the raw engines alone, VAD + ASR in a plain Java loop ({@link RawEngineBenchmark}), no
 * Kafka, no Flink. The engines are opened from the job's own recognition settings (its defaults
 * with the bench's {@code -R} options: the same VAD segmentation, the same ASR model and partial
 * interval, partial word times off as in the job) and fed in the job's chunk size, so that the
 * pipeline phase does exactly the same model work. {@code threads} threads each decode the whole
 * audio at the same time, one stream each, sharing the loaded models as the job's subtasks do,
 * after an untimed warm-up pass over the same audio, so that JIT compilation and the engines' first
 * allocations do not count (the pipeline phase warms up the same way). The threads start their
 * timed VAD + ASR passes together, and the throughput is all their audio over the time until the
 * last one is done: the pipeline phase's definition (first chunk sent to last stream ended), not a
 * sum of per-thread rates, which a thread that finishes early would inflate. Stateless; runs on the
 * calling thread and its own pool.
 */
final class RawEnginePhase {

  private RawEnginePhase() {}

  /**
   * The result: aggregate throughput of all threads.
   *
   * @param threads threads, one stream each
   * @param audioSeconds audio per stream
   * @param xrt audio seconds of all threads per wall second of VAD + ASR, from their common start
   *     to the end of the last
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

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while lining up the raw-engine threads", e);
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException("another raw-engine thread failed", e);
    }
  }

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
      AtomicLong start = new AtomicLong();
      CyclicBarrier together = new CyclicBarrier(threads, () -> start.set(System.nanoTime()));
      AtomicLong end = new AtomicLong(Long.MIN_VALUE);
      List<Future<BenchmarkResult>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    benchmark.run(samples); // not timed: compiles the Java side of both engines
                    BenchmarkResult r = benchmark.run(samples, () -> await(together));
                    end.accumulateAndGet(System.nanoTime(), Math::max);
                    return r;
                  } catch (RuntimeException e) {
                    together.reset(); // the others must not wait at the barrier for this one
                    throw e;
                  }
                }));
      }
      List<BenchmarkResult> results = new ArrayList<>();
      for (Future<BenchmarkResult> future : futures) {
        results.add(future.get());
      }
      double audioSeconds = results.get(0).audioSeconds();
      return new Result(
          threads,
          audioSeconds,
          threads * audioSeconds / ((end.get() - start.get()) / 1e9),
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
