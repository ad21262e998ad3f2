package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark's report and its machine-readable last line. */
class BenchReportTest {

  /** The last line's format as the issue states it, numbers as Java and Python parse them. */
  static final Pattern LAST_LINE =
      Pattern.compile(
          "bench: raw_xrt=(\\S+) pipeline_xrt=(\\S+) ratio=(\\S+) live_streams=(\\d+)"
              + " flat_lag=(true|false) final_p95_s=(\\S+) backlog_peak_heap_mb=(\\S+)");

  private static final BenchReport.Context CONTEXT =
      new BenchReport.Context("test.wav", 208.0, 2, 1.5, 2, "at-least-once");
  private static final RawEnginePhase.Result RAW =
      new RawEnginePhase.Result(2, 208.0, 20.0, 450.0, 9.5, 39);
  private static final PipelinePhase.Result PIPELINE =
      new PipelinePhase.Result(2, 208.0, 26.0, true, 80, new CpuSplit.Split(26.0, 1.42, 0.21, 0.3));

  private static List<FlatLag.Sample> lag(int seconds, double value) {
    List<FlatLag.Sample> samples = new ArrayList<>();
    for (int t = 0; t < seconds; t++) {
      samples.add(new FlatLag.Sample(t, value));
    }
    return samples;
  }

  private static LivePhase.Result live(boolean complete) {
    List<FlatLag.Sample> samples = lag(60, 0.4);
    return new LivePhase.Result(
        16,
        60,
        LatencyStats.of(new long[] {400, 500, 600, 950, 1_234}),
        LatencyStats.of(new long[] {450, 550}),
        LatencyStats.of(new long[] {300, 350}),
        samples,
        FlatLag.decide(samples),
        new HeapSampler.HeapPeak(900, 210.4, 12, 6_000),
        complete);
  }

  private static BacklogPhase.Result backlog(double afterGcMb) {
    return new BacklogPhase.Result(
        16,
        3_328,
        500,
        60.5,
        1_200,
        2_900,
        2_100,
        25,
        new HeapSampler.HeapPeak(1_500.2, afterGcMb, 30, 6_000),
        false);
  }

  @Test
  void lastLineHasTheExactFormatWithEveryFigure() {
    BenchReport report = new BenchReport(CONTEXT, RAW, PIPELINE, live(true), backlog(245.6));
    assertEquals(
        "bench: raw_xrt=20.00 pipeline_xrt=16.00 ratio=0.80 live_streams=16 flat_lag=true"
            + " final_p95_s=1.23 backlog_peak_heap_mb=246",
        report.lastLine());
    List<String> lines = report.lines();
    assertEquals(report.lastLine(), lines.get(lines.size() - 1));
    assertTrue(LAST_LINE.matcher(report.lastLine()).matches());
  }

  @Test
  void pipelineThroughputIsAllStreamsAudioOverWallTime() {
    assertEquals(16.0, PIPELINE.xrt(), 1e-9);
    assertTrue(Double.isNaN(new PipelinePhase.Result(2, 208, 26, false, 3, null).xrt()));
  }

  @Test
  void withoutACollectionTheSampledPeakIsReported() {
    BenchReport report = new BenchReport(CONTEXT, RAW, PIPELINE, null, backlog(Double.NaN));
    assertTrue(report.lastLine().endsWith(" backlog_peak_heap_mb=1500"), report.lastLine());
  }

  @Test
  void skippedPhasesGiveNaNAndNoStreams() {
    BenchReport report = new BenchReport(CONTEXT, RAW, PIPELINE, null, null);
    Matcher m = LAST_LINE.matcher(report.lastLine());
    assertTrue(m.matches(), report.lastLine());
    assertEquals("0", m.group(4));
    assertEquals("false", m.group(5));
    assertTrue(Double.isNaN(Double.parseDouble(m.group(6))));
    assertTrue(Double.isNaN(Double.parseDouble(m.group(7))));
    String all = String.join("\n", report.lines());
    assertTrue(all.contains("(c) live streams: skipped"), all);
    assertTrue(all.contains("(d) backlog: skipped"), all);
  }

  @Test
  void phasesAreReportedSideBySideWithTheirDetails() {
    String all =
        String.join(
            "\n", new BenchReport(CONTEXT, RAW, PIPELINE, live(false), backlog(250)).lines());
    assertTrue(all.contains("xrt   20.00"), all);
    assertTrue(all.contains("xrt   16.00   ratio b/a 0.80"), all);
    assertTrue(all.contains("p50 0.60 s, p95 1.23 s, max 1.23 s (5 cues"), all);
    assertTrue(all.contains("INCOMPLETE"), all);
    assertTrue(all.contains("last cue of each phrase: p50 0.30 s, p95 0.35 s (2 cues"), all);
    assertTrue(all.contains("flat lag: true"), all);
    assertTrue(all.contains("up to 2900 s of audio, 2100 s at the end (the other ~28 s"), all);
    assertTrue(all.contains("job processed 1200 s of audio (19.8x real time)"), all);
    assertTrue(all.contains("load average 1.50"), all);
    assertTrue(
        all.contains(
            "in cores of 2: the job's tasks 1.42, other threads (Kafka broker and clients"),
        all);
    assertTrue(all.contains("JIT compiler, GC and ended threads 0.30"), all);
  }

  @Test
  void longLagSeriesAreThinnedKeepingFirstAndLast() {
    List<FlatLag.Sample> samples = new ArrayList<>();
    for (int t = 0; t < 100; t++) {
      samples.add(new FlatLag.Sample(t, t / 10.0));
    }
    String[] values = BenchReport.lagSeries(samples).split(" ");
    assertEquals(BenchReport.MAX_LAG_VALUES, values.length);
    assertEquals("0.0", values[0]);
    assertEquals("9.9", values[values.length - 1]);
    assertEquals("0.3 0.3", BenchReport.lagSeries(lag(2, 0.3)));
  }
}
