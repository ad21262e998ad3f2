package io.livesubs.app.bench;

import io.livesubs.app.stack.LocalStack;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;

/**
 * One run of {@code livesubs bench}: loads the audio ({@link BenchAudio}), measures the raw engines
 * ({@link RawEnginePhase}), starts a local stack on free ports and runs the pipeline phases on it
 * one after another, each with a job of its own ({@link PipelinePhase}, {@link LivePhase}, {@link
 * BacklogPhase}), then prints the {@link BenchReport}, whose last line is machine-readable.
 *
 * <p>Owns the stack; {@link #close()} stops it, is idempotent and may be called from a shutdown
 * hook while {@link #run()} is still going. Not otherwise thread-safe.
 */
public final class BenchRun implements AutoCloseable {

  private final BenchSettings settings;
  private final PrintWriter out;
  private final PrintWriter err;
  private LocalStack stack;
  private boolean closed;

  /**
   * @param settings what to measure
   * @param out where progress and the report go
   * @param err where warnings go
   */
  public BenchRun(BenchSettings settings, PrintWriter out, PrintWriter err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs every phase that is not skipped and prints the report.
   *
   * @return 0 when every phase completed, 1 when a phase's end-of-stream cues did not all arrive
   *     (the report says which; its numbers for that phase are then partial)
   * @throws Exception if something cannot start or the job fails
   */
  public int run() throws Exception {
    double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int parallelism = settings.parallelism();
    BenchAudio audio = BenchAudio.load(settings.input(), err);
    progress(
        "audio: %s, %.1f s; parallelism %d on %d cores",
        audio.description(),
        audio.seconds(),
        parallelism,
        Runtime.getRuntime().availableProcessors());

    progress("(a) raw engines on %d thread(s)...", parallelism);
    RawEnginePhase.Result raw =
        RawEnginePhase.run(audio.samples(), parallelism, settings.recognition());
    progress("(a) raw engines: xrt %.2f", raw.xrt());

    progress("starting Kafka, the schema registry and Flink...");
    LocalStack started = startStack(parallelism);
    synchronized (this) {
      if (closed) {
        started.close();
        throw new InterruptedException("the benchmark was stopped");
      }
      stack = started;
    }
    progress("Flink web UI: %s", started.flinkWebUrl());

    progress("(b) whole pipeline --fast, %d stream(s)...", parallelism);
    PipelinePhase.Result pipeline =
        PipelinePhase.run(
            started, audio, parallelism, settings.delivery(), settings.recognitionOptions());
    progress("(b) whole pipeline: xrt %.2f", pipeline.xrt());

    LivePhase.Result live = null;
    if (!settings.skipLive()) {
      progress("(c) %d live streams x %d s...", settings.streams(), settings.durationSeconds());
      live =
          LivePhase.run(
              started,
              audio,
              settings.streams(),
              settings.durationSeconds(),
              parallelism,
              settings.delivery(),
              settings.recognitionOptions());
    }

    BacklogPhase.Result backlog = null;
    if (!settings.skipBacklog()) {
      progress(
          "(d) backlog of %d streams x %.1f s, for up to %d s...",
          settings.streams(), audio.seconds(), settings.backlogSeconds());
      backlog =
          BacklogPhase.run(
              started,
              audio,
              settings.streams(),
              Duration.ofSeconds(settings.backlogSeconds()),
              parallelism,
              settings.delivery(),
              settings.recognitionOptions());
    }

    BenchReport report =
        new BenchReport(
            new BenchReport.Context(
                audio.description(),
                audio.seconds(),
                Runtime.getRuntime().availableProcessors(),
                loadAverage,
                parallelism,
                settings.delivery().name().toLowerCase(Locale.ROOT).replace('_', '-')),
            raw,
            pipeline,
            live,
            backlog);
    out.println();
    report.lines().forEach(out::println);
    out.flush();
    boolean complete = pipeline.complete() && (live == null || live.complete());
    return complete ? 0 : 1;
  }

  private static LocalStack startStack(int parallelism) {
    Configuration flink = new Configuration();
    // The lag of the live phase is read through the REST API: keep its values fresh.
    flink.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
    return LocalStack.builder()
        .ephemeralPorts()
        .slots(parallelism)
        .flinkConfiguration(flink)
        .start();
  }

  private void progress(String format, Object... args) {
    out.println("... " + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Stops the stack (and with it any job still running). */
  @Override
  public void close() {
    LocalStack toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = stack;
      stack = null;
    }
    if (toClose != null) {
      try {
        toClose.close();
      } catch (RuntimeException e) {
        err.println("livesubs: while stopping: " + e);
        err.flush();
      }
    }
  }
}
