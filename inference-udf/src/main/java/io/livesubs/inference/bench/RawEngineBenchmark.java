package io.livesubs.inference.bench;

import io.livesubs.inference.asr.AsrEngine;
import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.inference.vad.SpeechEnd;
import io.livesubs.inference.vad.SpeechSegmenter;
import io.livesubs.inference.vad.SpeechStart;
import io.livesubs.inference.vad.VadConfig;
import io.livesubs.inference.vad.VadEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Raw engine throughput without Kafka or Flink: VAD alone, then VAD + ASR in a plain loop over one
 * 16 kHz mono stream, fed in blocks as a live source would deliver it. ASR runs only on the
 * detected speech, as in the pipeline: a session opens at each {@link SpeechStart} (replaying the
 * audio since the segment start), gets each following block, and finishes at the {@link SpeechEnd}.
 *
 * <p>Instances are immutable and may run concurrently (the engines are thread-safe); the engines
 * are not owned and not closed here.
 */
public final class RawEngineBenchmark {
  /** Default block: 100 ms at 16 kHz. */
  public static final int DEFAULT_BLOCK_SAMPLES = 1_600;

  private static final double SAMPLE_RATE = SileroVad.SAMPLE_RATE;

  private final SileroVad vad;
  private final VadConfig vadConfig;
  private final AsrEngine asr;
  private final int blockSamples;
  private final int partialIntervalMs;

  /**
   * @param vad the VAD model
   * @param vadConfig segmentation settings
   * @param asr the recogniser, or null to measure VAD only
   * @param blockSamples samples per fed block (> 0)
   * @param partialIntervalMs partial hypothesis interval passed to ASR sessions (>= 0)
   */
  public RawEngineBenchmark(
      SileroVad vad, VadConfig vadConfig, AsrEngine asr, int blockSamples, int partialIntervalMs) {
    this.vad = Objects.requireNonNull(vad, "vad");
    this.vadConfig = Objects.requireNonNull(vadConfig, "vadConfig");
    this.asr = asr;
    if (blockSamples <= 0) {
      throw new IllegalArgumentException("blockSamples must be > 0, was " + blockSamples);
    }
    if (partialIntervalMs < 0) {
      throw new IllegalArgumentException(
          "partialIntervalMs must be >= 0, was " + partialIntervalMs);
    }
    this.blockSamples = blockSamples;
    this.partialIntervalMs = partialIntervalMs;
  }

  /** Defaults: 100 ms blocks, partial hypotheses every 250 ms. */
  public RawEngineBenchmark(SileroVad vad, VadConfig vadConfig, AsrEngine asr) {
    this(vad, vadConfig, asr, DEFAULT_BLOCK_SAMPLES, 250);
  }

  /**
   * Runs the VAD-only pass, then (with an ASR engine) the VAD + ASR pass.
   *
   * @param samples mono 16 kHz signed 16-bit audio
   */
  public BenchmarkResult run(short[] samples) {
    return run(samples, () -> {});
  }

  /**
   * Runs the VAD-only pass, then (with an ASR engine) {@code beforeFullPass} on the calling thread
   * (to line up concurrent runs, say) and the VAD + ASR pass.
   *
   * @param samples mono 16 kHz signed 16-bit audio
   * @param beforeFullPass what to do between the two passes; not timed
   */
  public BenchmarkResult run(short[] samples, Runnable beforeFullPass) {
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(beforeFullPass, "beforeFullPass");
    if (samples.length == 0) {
      throw new IllegalArgumentException("No audio to benchmark");
    }
    Pass vadOnly = new Pass(samples, null);
    long t0 = System.nanoTime();
    vadOnly.run();
    double vadWall = (System.nanoTime() - t0) / 1e9;
    if (asr == null) {
      return new BenchmarkResult(
          samples.length / SAMPLE_RATE,
          vadWall,
          Double.NaN,
          Double.NaN,
          vadOnly.speechSamples / SAMPLE_RATE,
          vadOnly.segmentCount,
          List.of());
    }
    beforeFullPass.run();
    Pass full = new Pass(samples, asr);
    long t1 = System.nanoTime();
    full.run();
    double pipelineWall = (System.nanoTime() - t1) / 1e9;
    return new BenchmarkResult(
        samples.length / SAMPLE_RATE,
        vadWall,
        pipelineWall,
        full.asrNanos / 1e9,
        full.speechSamples / SAMPLE_RATE,
        full.segmentCount,
        full.segments);
  }

  /** One pass over the audio; single-use, single-threaded. */
  private final class Pass {
    private final short[] samples;
    private final AsrEngine engine;
    private final List<BenchmarkResult.Segment> segments = new ArrayList<>();
    private AsrSession session;
    private long fedTo;
    private long speechSamples;
    private int segmentCount;
    private long asrNanos;

    Pass(short[] samples, AsrEngine engine) {
      this.samples = samples;
      this.engine = engine;
    }

    void run() {
      SpeechSegmenter segmenter = new SpeechSegmenter(vad, vadConfig, 0);
      for (int pos = 0; pos < samples.length; pos += blockSamples) {
        int len = Math.min(blockSamples, samples.length - pos);
        handle(segmenter.accept(samples, pos, len), pos + len);
      }
      handle(segmenter.flush(), samples.length);
    }

    private void handle(List<VadEvent> events, long now) {
      for (VadEvent event : events) {
        if (event instanceof SpeechStart start) {
          segmentCount++;
          fedTo = start.sample();
          if (engine != null) {
            long t = System.nanoTime();
            session =
                engine.openSession(
                    AsrSessionConfig.builder()
                        .startSample(start.sample())
                        .partialIntervalMs(partialIntervalMs)
                        .build());
            asrNanos += System.nanoTime() - t;
          }
        } else if (event instanceof SpeechEnd end) {
          speechSamples += end.length();
          if (session != null) {
            feedTo(end.endSample());
            long t = System.nanoTime();
            AsrResult result = session.finish();
            asrNanos += System.nanoTime() - t;
            segments.add(
                new BenchmarkResult.Segment(
                    end.startSample(), end.endSample(), result.transcript()));
            session = null;
          }
        }
      }
      if (session != null) {
        feedTo(now);
      }
    }

    private void feedTo(long end) {
      if (end <= fedTo) {
        return;
      }
      long t = System.nanoTime();
      session.acceptWaveform(samples, (int) fedTo, (int) (end - fedTo));
      asrNanos += System.nanoTime() - t;
      fedTo = end;
    }
  }
}
