package io.livesubs.ingest.cli;

import io.livesubs.ingest.IngestSummary;
import io.livesubs.ingest.fault.FaultReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Formats the end-of-run summary of {@link IngestCommand}. Stateless. */
final class IngestReportFormat {

  /** Per-stream fault lines are printed up to this many streams, seqs up to this many each. */
  private static final int MAX_DETAILED = 10;

  private IngestReportFormat() {}

  static void print(IngestSummary s, IngestOptions options, PrintWriter err) {
    double speed = s.wallSeconds() > 0 ? s.audioSeconds() / s.wallSeconds() : 0;
    err.println(
        String.format(
            Locale.ROOT,
            "ingest: done: %d stream%s, %d chunks, %d records, %.1f s of audio%s in %.1f s wall"
                + " (%.2fx live)",
            s.streams(),
            s.streams() == 1 ? "" : "s",
            s.chunks(),
            s.recordsSent(),
            s.audioSeconds(),
            s.streams() == 1 ? "" : " each",
            s.wallSeconds(),
            speed));
    if (options.faults().isActive()) {
      err.println("ingest: faults (seed " + options.faults().seed() + "): " + totals(s.faults()));
      if (s.faults().size() <= MAX_DETAILED) {
        for (FaultReport report : s.faults()) {
          err.println("ingest:   " + report.describe(MAX_DETAILED * 2));
        }
      }
    }
    err.flush();
  }

  private static String totals(List<FaultReport> reports) {
    long dropped = 0;
    long duplicated = 0;
    long corrupted = 0;
    long reordered = 0;
    for (FaultReport r : reports) {
      dropped += r.dropped().size();
      duplicated += r.duplicated().size();
      corrupted += r.corrupted().size();
      reordered += r.reordered().size();
    }
    return "dropped "
        + dropped
        + ", duplicated "
        + duplicated
        + ", corrupted "
        + corrupted
        + ", reordered "
        + reordered;
  }
}
