package io.livesubs.app.bench;

import io.livesubs.app.demo.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code livesubs bench} prints: one block per phase, side by side in one table of throughput,
 * then the machine-readable last line ({@link #lastLine()}). Skipped phases print {@code NaN} for
 * their numbers (and {@code live_streams=0 flat_lag=false}). Immutable.
 *
 * @param context what was measured, where
 * @param raw phase (a)
 * @param pipeline phase (b)
 * @param live phase (c), or {@code null} when skipped
 * @param backlog phase (d), or {@code null} when skipped
 */
record BenchReport(
    Context context,
    RawEnginePhase.Result raw,
    PipelinePhase.Result pipeline,
    LivePhase.Result live,
    BacklogPhase.Result backlog) {

  /** Most lag samples printed; longer series are thinned evenly. */
  static final int MAX_LAG_VALUES = 20;

  /** Checks that the always-run phases are there. */
  public BenchReport {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(pipeline, "pipeline");
  }

  /**
   * The circumstances of a run.
   *
   * @param input what the audio is
   * @param audioSeconds its length
   * @param cores processors of this machine
   * @param loadAverage system load average when the run started (other processes share the
   *     machine), or negative when unknown
   * @param parallelism Flink parallelism and raw-engine threads
   * @param delivery the job's delivery guarantee, as given on the command line
   */
  record Context(
      String input,
      double audioSeconds,
      int cores,
      double loadAverage,
      int parallelism,
      String delivery) {}

  /** Pipeline over raw throughput; NaN if either is missing. */
  public double ratio() {
    return pipeline.xrt() / raw.xrt();
  }

  /** The report, line by line; the last is {@link #lastLine()}. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        f(
            "livesubs bench: %s, %.1f s of audio; %d cores (load average %s at the start: other"
                + " processes share them); parallelism %d; delivery %s",
            context.input(),
            context.audioSeconds(),
            context.cores(),
            context.loadAverage() < 0 ? "unknown" : f("%.2f", context.loadAverage()),
            context.parallelism(),
            context.delivery()));
    lines.add(
        f(
            "(a) raw engines, VAD + ASR in a plain loop   %2d stream(s) x %6.1f s   xrt %7.2f"
                + "   (per thread: VAD alone %.0fx, ASR %.1fx on %d speech segments)",
            raw.threads(),
            raw.audioSeconds(),
            raw.xrt(),
            raw.vadXrt(),
            raw.asrSpeechXrt(),
            raw.segments()));
    lines.add(
        f(
            "(b) whole pipeline --fast, local stack       %2d stream(s) x %6.1f s   xrt %7.2f"
                + "   ratio b/a %.2f   (%.1f s from the first chunk to the last end-of-stream"
                + " cue%s)",
            pipeline.streams(),
            pipeline.audioSeconds(),
            pipeline.xrt(),
            ratio(),
            pipeline.wallSeconds(),
            pipeline.complete() ? "" : "; INCOMPLETE: an end-of-stream cue never came"));
    lines.add(
        f(
            "    fair comparison: %d thread(s) each decoding one stream vs the job at parallelism"
                + " %d with one stream per subtask; same models and settings",
            raw.threads(), pipeline.streams()));
    if (pipeline.cpu() != null) {
      CpuSplit.Split cpu = pipeline.cpu();
      lines.add(
          f(
              "    CPU while (b) ran, in cores of %d: the job's tasks %.2f, other threads (Kafka"
                  + " broker and clients, registry, Flink runtime) %.2f, JIT compiler, GC and"
                  + " ended threads %.2f",
              context.cores(), cpu.jobCores(), cpu.otherThreadCores(), cpu.restCores()));
    }
    lines.addAll(liveLines());
    lines.addAll(backlogLines());
    lines.add(lastLine());
    return lines;
  }

  private List<String> liveLines() {
    if (live == null) {
      return List.of("(c) live streams: skipped");
    }
    LatencyStats emitted = live.finalLatency();
    LatencyStats received = live.receivedLatency();
    FlatLag.Verdict verdict = live.verdict();
    List<String> lines = new ArrayList<>();
    lines.add(
        f(
            "(c) %d live streams x %.0f s: final-cue latency after the cue's last word p50 %s,"
                + " p95 %s, max %s (%d cues; as received from Kafka p50 %s, p95 %s)%s",
            live.streams(),
            live.audioSeconds(),
            seconds(emitted.p50Ms()),
            seconds(emitted.p95Ms()),
            seconds(emitted.maxMs()),
            emitted.count(),
            seconds(received.p50Ms()),
            seconds(received.p95Ms()),
            live.complete() ? "" : "; INCOMPLETE: an end-of-stream cue never came"));
    LatencyStats phraseEnds = live.phraseEndLatency();
    lines.add(
        f(
            "    of which the last cue of each phrase: p50 %s, p95 %s (%d cues; a phrase's final"
                + " cues are emitted together when it ends)",
            seconds(phraseEnds.p50Ms()), seconds(phraseEnds.p95Ms()), phraseEnds.count()));
    lines.add("    lag behind live (s, every second, thinned): " + lagSeries(live.lag()));
    lines.add(
        f(
            "    flat lag: %b (last third: %d samples, slope %.3f s/s, max %.2f s; %s)",
            verdict.flat(),
            verdict.samples(),
            verdict.slope(),
            verdict.maxLagSeconds(),
            verdict.reason()));
    lines.add("    heap: " + heap(live.heap()));
    return lines;
  }

  private List<String> backlogLines() {
    if (backlog == null) {
      return List.of("(d) backlog: skipped");
    }
    return List.of(
        f(
            "(d) backlog: %d streams, %.0f s of audio sent at %.0fx real time%s; in %.1f s the"
                + " job processed %.0f s of audio (%.1fx real time)%s",
            backlog.streams(),
            backlog.audioSeconds(),
            backlog.ingestXrt(),
            backlog.ingestXrt() < BacklogPhase.MIN_BACKLOG_XRT
                ? f(" (BELOW %.0fx: not a backlog)", BacklogPhase.MIN_BACKLOG_XRT)
                : "",
            backlog.windowSeconds(),
            backlog.processedSeconds(),
            backlog.processedSeconds() / backlog.windowSeconds(),
            backlog.caughtUp() ? ", all of it" : ""),
        f(
            "    waiting in Kafka (the job's consumer lag): up to %.0f s of audio, %.0f s at the"
                + " end (the other ~%.0f s not yet processed were fetched into the source's"
                + " bounded buffers); checkpoints completed meanwhile: %d",
            backlog.maxWaitingSeconds(),
            backlog.endWaitingSeconds(),
            Math.max(
                0,
                backlog.audioSeconds() - backlog.processedSeconds() - backlog.endWaitingSeconds()),
            backlog.checkpoints()),
        "    heap: " + heap(backlog.heap()));
  }

  /**
   * The machine-readable summary, exactly {@code bench: raw_xrt=<a> pipeline_xrt=<b> ratio=<b/a>
   * live_streams=<n> flat_lag=<true|false> final_p95_s=<x> backlog_peak_heap_mb=<m>}.
   */
  public String lastLine() {
    return f(
        "bench: raw_xrt=%.2f pipeline_xrt=%.2f ratio=%.2f live_streams=%d flat_lag=%b"
            + " final_p95_s=%s backlog_peak_heap_mb=%s",
        raw.xrt(),
        pipeline.xrt(),
        ratio(),
        live == null ? 0 : live.streams(),
        live != null && live.verdict().flat(),
        live == null || live.finalLatency().count() == 0
            ? "NaN"
            : f("%.2f", live.finalLatency().p95Ms() / 1000.0),
        backlog == null ? "NaN" : f("%d", Math.round(backlog.heap().retainedMb())));
  }

  private static String heap(HeapSampler.HeapPeak heap) {
    return f(
        "peak after GC %.0f MB (what is retained; garbage collections: %d), peak used %.0f MB"
            + " (sampled every 100 ms, garbage included), max heap %.0f MB",
        heap.afterGcMb(), heap.collections(), heap.usedMb(), heap.maxMb());
  }

  static String lagSeries(List<FlatLag.Sample> samples) {
    if (samples.isEmpty()) {
      return "none (the lag metric could not be read)";
    }
    List<String> values = new ArrayList<>();
    int count = Math.min(samples.size(), MAX_LAG_VALUES);
    for (int i = 0; i < count; i++) {
      int index = count == 1 ? 0 : (int) Math.round(i * (samples.size() - 1) / (count - 1.0));
      values.add(f("%.1f", samples.get(index).lagSeconds()));
    }
    return String.join(" ", values);
  }

  private static String seconds(long ms) {
    return f("%.2f s", ms / 1000.0);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
