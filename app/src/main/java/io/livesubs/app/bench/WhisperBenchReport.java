package io.livesubs.app.bench;

import io.livesubs.app.demo.LatencyStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report of {@code bench --engine whisper}: the batch curve, the live trials, the figures'
 * definitions, and the machine-readable last line; also as JSON. Immutable.
 */
final class WhisperBenchReport {

  private final WhisperBenchSettings settings;
  private final String model;
  private final String arch;
  private final boolean standIn;
  private final int promptTokens;
  private final WhisperBatchCurve curve;
  private final List<WhisperLiveTrial.Result> trials;
  private final int liveStreams;

  /**
   * @param settings what was measured
   * @param model the model's name
   * @param arch its size ({@link WhisperBench#arch})
   * @param standIn whether it has random weights
   * @param promptTokens forced prompt tokens per window
   * @param curve phases (1) and (2)
   * @param trials phase (3), in the order run
   * @param liveStreams the most streams that kept up (0 if none)
   */
  WhisperBenchReport(
      WhisperBenchSettings settings,
      String model,
      String arch,
      boolean standIn,
      int promptTokens,
      WhisperBatchCurve curve,
      List<WhisperLiveTrial.Result> trials,
      int liveStreams) {
    this.settings = settings;
    this.model = model;
    this.arch = arch;
    this.standIn = standIn;
    this.promptTokens = promptTokens;
    this.curve = curve;
    this.trials =
        trials.stream().sorted(Comparator.comparingInt(WhisperLiveTrial.Result::streams)).toList();
    this.liveStreams = liveStreams;
  }

  /** One trial in a line, for progress. */
  static String trialLine(WhisperLiveTrial.Result t) {
    return String.format(
        Locale.ROOT,
        "%d streams: %s (%s); final p50/p95 %.2f/%.2f s, window p95 %.2f s, mean batch %.1f",
        t.streams(),
        t.flat() ? "keeps up" : "falls behind",
        t.lag().reason(),
        t.finals().p50Ms() / 1000.0,
        t.finals().p95Ms() / 1000.0,
        t.windows().p95Ms() / 1000.0,
        t.meanBatch());
  }

  /** The trial the headline latency comes from: the largest that kept up, else the smallest. */
  WhisperLiveTrial.Result headline() {
    return trials.stream()
        .filter(t -> t.streams() == liveStreams && t.flat())
        .findFirst()
        .orElse(trials.isEmpty() ? null : trials.get(0));
  }

  /** Final-commit p95 of {@link #headline()}, in seconds (NaN without trials). */
  double finalP95Seconds() {
    WhisperLiveTrial.Result t = headline();
    return t == null ? Double.NaN : t.finals().p95Ms() / 1000.0;
  }

  /** The machine-readable last line. */
  String lastLine() {
    return String.format(
        Locale.ROOT,
        "bench: engine=whisper device=%s arch=%s best_batch=%d xrt_per_stream=%.2f"
            + " live_streams=%d final_p95_s=%.2f",
        settings.device(),
        arch,
        curve.best().batch(),
        curve.best().xrtPerStream(),
        liveStreams,
        finalP95Seconds());
  }

  void print(PrintWriter out) {
    WhisperBatchCurve.Point best = curve.best();
    int steps = best.stepsPerWindow();
    out.println();
    out.printf(
        Locale.ROOT,
        "whisper bench: %s (%s%s), device %s, %d intra-op threads%n",
        model,
        arch,
        standIn ? ", stand-in with random weights" : "",
        settings.device(),
        settings.threads());
    out.printf(
        Locale.ROOT,
        "  a window = 1 encoder pass (30 s) + %d decoder steps (%d prompt tokens + %d sampled"
            + " tokens, the last one not fed); a stream sends one every %d ms of audio%n",
        steps,
        promptTokens,
        settings.decodeSteps(),
        settings.stepMs());
    out.println(
        settings.freeDecoding()
            ? "  live decoding: normal (the model decides when to stop; default guards)"
            : "  live decoding: forced to "
                + settings.decodeSteps()
                + " sampled tokens per window, text guards off (for timing: a stand-in's"
                + " random text would be dropped as low confidence and end decoding early)");
    out.println();
    out.println(
        "(1)+(2) the model alone per batch size (warm-up excluded) and what it costs streams:");
    out.println(
        "  batch  enc ms/batch  enc ms/win  dec ms/step  batch ms  windows/s  RTF/stream"
            + "  xRT/stream  streams");
    for (WhisperBatchCurve.Point p : curve.points()) {
      out.printf(
          Locale.ROOT,
          "  %5d  %12.1f  %10.1f  %11.2f  %8.1f  %9.2f  %10.2f  %10.2f  %7.1f%s%n",
          p.batch(),
          p.encoderMs(),
          p.encoderMsPerWindow(),
          p.decoderMsPerStep(),
          p.batchMs(),
          p.windowsPerSecond(),
          p.rtfPerStream(),
          p.xrtPerStream(),
          p.streams(),
          p == best ? "  <- best_batch" : "");
    }
    out.println(
        "  batch ms = encoder + steps x decoder ms/step; best_batch = the most windows/s;"
            + " RTF/stream = batch ms / step (wall time per audio second of one stream whose"
            + " every window waits for a whole batch; <= 1 keeps up); xRT/stream = step / batch"
            + " ms, its inverse (xrt_per_stream: at best_batch); streams = windows/s x step, the"
            + " live streams the model alone serves with back-to-back batches");
    out.printf(
        Locale.ROOT,
        "  model-bound estimate: %d live streams (largest 'streams' of a batch size that keeps"
            + " up)%n",
        curve.predictedStreams());
    out.println();
    out.printf(
        Locale.ROOT,
        "(3) live-paced streams of real speech, %d s each, cut into %d ms segments, one engine"
            + " batching across streams:%n",
        settings.durationSeconds(),
        settings.segmentMs());
    out.println(
        "  streams  keeps up  lag slope s/s  max lag s  final p50/p95/max s  window p50/p95 s"
            + "  mean batch");
    for (WhisperLiveTrial.Result t : trials) {
      out.printf(
          Locale.ROOT,
          "  %7d  %8s  %13.3f  %9.2f  %19s  %16s  %10.1f%n",
          t.streams(),
          t.flat() ? "yes" : "no",
          t.lag().slope(),
          t.lag().maxLagSeconds(),
          seconds(t.finals(), true),
          seconds(t.windows(), false),
          t.meanBatch());
    }
    out.println(
        "  final = a segment's final commit (finish) after its last sample was spoken; window ="
            + " a decode after its last sample; keeps up = window latency flat over time (slope"
            + " < "
            + FlatLag.MAX_SLOPE
            + " s/s and below "
            + FlatLag.MAX_LAG_SECONDS
            + " s in the last third) and every stream done in time");
    out.printf(
        Locale.ROOT,
        "  => %d live streams with flat lag; final-cue p95 %.2f s (end of speech to final"
            + " commit, without VAD's end-of-speech wait and the pipeline)%n",
        liveStreams,
        finalP95Seconds());
    out.println(lastLine());
  }

  /** The curve, the trials and the headline figures as one JSON object. */
  String json() {
    List<String> points = new ArrayList<>();
    for (WhisperBatchCurve.Point p : curve.points()) {
      points.add(
          String.format(
              Locale.ROOT,
              "{\"batch\":%d,\"encoder_ms\":%s,\"decoder_ms_per_step\":%s,\"batch_ms\":%s,"
                  + "\"windows_per_s\":%s,\"rtf_per_stream\":%s,\"xrt_per_stream\":%s,"
                  + "\"streams\":%s}",
              p.batch(),
              num(p.encoderMs()),
              num(p.decoderMsPerStep()),
              num(p.batchMs()),
              num(p.windowsPerSecond()),
              num(p.rtfPerStream()),
              num(p.xrtPerStream()),
              num(p.streams())));
    }
    String trialJson =
        trials.stream()
            .map(
                t ->
                    String.format(
                        Locale.ROOT,
                        "{\"streams\":%d,\"keeps_up\":%b,\"lag_slope\":%s,\"max_lag_s\":%s,"
                            + "\"final_p50_s\":%s,\"final_p95_s\":%s,\"window_p95_s\":%s,"
                            + "\"mean_batch\":%s}",
                        t.streams(),
                        t.flat(),
                        num(t.lag().slope()),
                        num(t.lag().maxLagSeconds()),
                        num(t.finals().p50Ms() / 1000.0),
                        num(t.finals().p95Ms() / 1000.0),
                        num(t.windows().p95Ms() / 1000.0),
                        num(t.meanBatch())))
            .collect(Collectors.joining(","));
    return String.format(
        Locale.ROOT,
        "{\"engine\":\"whisper\",\"model\":\"%s\",\"arch\":\"%s\",\"stand_in\":%b,"
            + "\"device\":\"%s\",\"threads\":%d,\"step_ms\":%d,\"steps_per_window\":%d,"
            + "\"forced_steps\":%b,\"curve\":[%s],\"best_batch\":%d,\"xrt_per_stream\":%s,"
            + "\"trials\":[%s],\"live_streams\":%d,\"final_p95_s\":%s}%n",
        model.replace("\\", "\\\\").replace("\"", "\\\""),
        arch,
        standIn,
        settings.device(),
        settings.threads(),
        settings.stepMs(),
        curve.best().stepsPerWindow(),
        !settings.freeDecoding(),
        String.join(",", points),
        curve.best().batch(),
        num(curve.best().xrtPerStream()),
        trialJson,
        liveStreams,
        num(finalP95Seconds()));
  }

  private static String seconds(LatencyStats stats, boolean withMax) {
    if (stats.count() == 0) {
      return "-";
    }
    String text =
        String.format(Locale.ROOT, "%.2f/%.2f", stats.p50Ms() / 1000.0, stats.p95Ms() / 1000.0);
    return withMax ? text + String.format(Locale.ROOT, "/%.2f", stats.maxMs() / 1000.0) : text;
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "null";
  }
}
