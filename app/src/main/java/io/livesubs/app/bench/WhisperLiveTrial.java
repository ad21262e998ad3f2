package io.livesubs.app.bench;

import io.livesubs.app.demo.LatencyStats;
import io.livesubs.inference.asr.whisper.WhisperEngine;
import io.livesubs.inference.asr.whisper.WhisperEngineConfig;
import io.livesubs.inference.asr.whisper.model.WhisperInference;
import io.livesubs.ingest.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One trial of phase (3) of {@code bench --engine whisper}: {@code streams} concurrent live-paced
 * streams of real speech ({@link WhisperLiveStream}, one thread each), each through its own
 * sessions of one shared {@link WhisperEngine}, so that the engine's batch service batches windows
 * across streams. Stream {@code i} starts {@code i / streams} of a step after stream 0, so that
 * decode points are spread over the step as those of independent streams are, and reads the
 * recording from its own offset. The trial ends when every stream has fed all its audio, or at a
 * deadline ({@code 2 * duration + 20 s}), when the streams are stopped and the trial counts as not
 * keeping up. Stateless; runs on the calling thread and its stream threads.
 */
final class WhisperLiveTrial {

  /** Head start for the stream threads, so that stream 0 does not start behind. */
  private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private WhisperLiveTrial() {}

  /**
   * What one trial measured.
   *
   * @param streams concurrent streams
   * @param lag the lag verdict over all streams' window latencies
   * @param finals final-commit latency per segment, ms
   * @param windows latency per decoded window, ms
   * @param meanBatch windows per model call, mean
   * @param completed whether every stream fed all its audio before the deadline
   * @param wallSeconds how long the trial ran
   */
  record Result(
      int streams,
      FlatLag.Verdict lag,
      LatencyStats finals,
      LatencyStats windows,
      double meanBatch,
      boolean completed,
      double wallSeconds) {

    /** Whether the streams kept up: all finished in time and the lag is flat. */
    boolean flat() {
      return completed && lag.flat();
    }
  }

  /**
   * Runs the trial on an engine over {@code model} (not closed here) with {@code config}.
   *
   * @throws IllegalStateException if a stream fails (a decode error is a fault, not a measurement)
   * @throws InterruptedException if interrupted while waiting for the streams
   */
  static Result run(
      WhisperInference model,
      WhisperEngineConfig config,
      short[] recording,
      int streams,
      int durationSeconds,
      int segmentMs)
      throws InterruptedException {
    WhisperLiveRecorder recorder = new WhisperLiveRecorder();
    AtomicBoolean stop = new AtomicBoolean();
    int stepMs = config.streaming().stepMs();
    long length = (long) durationSeconds * PcmFormat.SAMPLE_RATE;
    boolean completed = true;
    long started = System.nanoTime();
    double meanBatch;
    try (WhisperEngine engine = WhisperEngine.create(model, config)) {
      long phaseStart = started + LEAD_NANOS;
      List<Thread> threads = new ArrayList<>(streams);
      for (int i = 0; i < streams; i++) {
        int offset = (int) ((long) i * recording.length / streams);
        StreamAudio audio = new StreamAudio("whisper-" + i, recording, offset, length);
        long start = phaseStart + TimeUnit.MILLISECONDS.toNanos(stepMs) * i / streams;
        Thread thread =
            new Thread(
                new WhisperLiveStream(
                    engine, audio, phaseStart, start, stepMs, segmentMs, stop, recorder),
                "whisper-bench-stream-" + i);
        thread.setDaemon(true);
        threads.add(thread);
      }
      threads.forEach(Thread::start);
      long deadline = phaseStart + TimeUnit.SECONDS.toNanos(2L * durationSeconds + 20);
      try {
        for (Thread thread : threads) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left > 0) {
            thread.join(left);
          }
          completed &= !thread.isAlive();
        }
      } finally {
        stop.set(true);
        for (Thread thread : threads) {
          thread.join(TimeUnit.MINUTES.toMillis(1));
        }
      }
      meanBatch = engine.batchMetrics().averageBatchSize();
    }
    if (recorder.failure() != null) {
      throw new IllegalStateException(
          "a live stream failed: " + recorder.failure().getMessage(), recorder.failure());
    }
    FlatLag.Verdict lag = FlatLag.decide(recorder.lagSamples());
    if (!completed) {
      lag =
          new FlatLag.Verdict(
              false,
              lag.slope(),
              lag.maxLagSeconds(),
              lag.samples(),
              "streams did not finish before the deadline");
    }
    return new Result(
        streams,
        lag,
        recorder.finals(),
        recorder.windows(),
        meanBatch,
        completed,
        (System.nanoTime() - started) / 1e9);
  }
}
