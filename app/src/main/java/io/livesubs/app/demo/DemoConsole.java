package io.livesubs.app.demo;

import io.livesubs.app.stack.LocalStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The demo's status lines: where everything can be reached once it runs, and the result at the end.
 * Stateless; prints through the (thread-safe) {@link CaptionPrinter}, so status lines never tear a
 * caption line.
 */
final class DemoConsole {

  private DemoConsole() {}

  /**
   * Prints what runs where: Kafka, registry, Flink web UI and job, player page and WebVTT per
   * language, output.
   */
  static void addresses(
      CaptionPrinter printer,
      String what,
      LocalStack stack,
      String jobId,
      String serviceUrl,
      String firstStream,
      List<String> languages,
      Path outDir) {
    printer.message("livesubs demo: " + what);
    printer.message("  Kafka            " + stack.bootstrapServers());
    printer.message("  schema registry  " + stack.registryUrl());
    printer.message("  Flink web UI     " + stack.flinkWebUrl() + "  (job " + jobId + ")");
    for (String language : languages) {
      printer.message(
          "  player           " + serviceUrl + "/?stream=" + firstStream + "&lang=" + language);
      printer.message(
          "  WebVTT           " + serviceUrl + "/streams/" + firstStream + "/" + language + ".vtt");
    }
    printer.message("  output           " + outDir);
  }

  /** Prints the one-line result and the files written. */
  static void result(CaptionPrinter printer, DemoSummary summary, List<Path> files) {
    LatencyStats finals = summary.cues().finalLatency();
    printer.message(
        String.format(
            Locale.ROOT,
            "%s: %d final cues %s, %.1f s for %.1f s of audio per stream (real-time factor %.2f),"
                + " final-cue latency p50 %d ms, p95 %d ms; %d gaps, %d duplicates, %d late,"
                + " %d dead letters",
            summary.complete() ? "done" : "incomplete",
            summary.cues().finalCues(),
            summary.finalCuesByLanguage(),
            summary.wallSeconds(),
            summary.audioSeconds(),
            summary.realTimeFactor(),
            finals.p50Ms(),
            finals.p95Ms(),
            summary.job().gaps(),
            summary.job().duplicateChunks(),
            summary.job().lateChunks(),
            summary.job().deadLetterTotal()));
    printer.message("wrote " + files.stream().map(Path::toString).toList());
  }
}
