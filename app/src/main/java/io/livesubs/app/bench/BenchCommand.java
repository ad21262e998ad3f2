package io.livesubs.app.bench;

import io.livesubs.ingest.LanguageTags;
import io.livesubs.jobs.cli.DeliveryConverter;
import io.livesubs.jobs.translation.TranslationSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs bench}: measures the raw engines, the whole pipeline, live streams and a backlog
 * on the same audio and prints them side by side, ending with one machine-readable line. The work
 * is done by {@link BenchRun}; this class only reads the options. A new instance per execution; not
 * thread-safe.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure livesubs on one recording: (a) the raw engines (VAD + ASR in a plain loop),"
          + " (b) the whole pipeline on a local stack with the audio sent at once, (c) N live"
          + " streams (final-cue latency, lag behind live), (d) a backlog (peak heap, audio"
          + " waiting in Kafka).",
      "The last line is machine-readable: bench: raw_xrt=<a> pipeline_xrt=<b> ratio=<b/a>"
          + " live_streams=<n> flat_lag=<true|false> final_p95_s=<x> backlog_peak_heap_mb=<m>"
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "FILE.wav",
      description =
          "The recording (default: ../shared/" + BenchAudio.DEFAULT_FILE + ", else the demo's).")
  private Path input;

  @Option(
      names = "--streams",
      paramLabel = "N",
      description =
          "Concurrent live streams, and streams of the backlog (default: ${DEFAULT-VALUE}).")
  private int streams = 16;

  @Option(
      names = "--duration-s",
      paramLabel = "SECONDS",
      description = "Audio per live stream (default: ${DEFAULT-VALUE}).")
  private int durationSeconds = 60;

  @Option(
      names = "--parallelism",
      paramLabel = "P",
      description =
          "Flink parallelism, raw-engine threads and --fast streams (default: the machine's"
              + " cores).")
  private Integer parallelism;

  @Option(names = "--skip-live", description = "Leave out the live streams (c).")
  private boolean skipLive;

  @Option(names = "--skip-backlog", description = "Leave out the backlog (d).")
  private boolean skipBacklog;

  @Option(
      names = "--delivery",
      paramLabel = "GUARANTEE",
      converter = DeliveryConverter.class,
      description = "at-least-once (default) or exactly-once, of the job's Kafka sinks.")
  private DeliveryGuarantee delivery = DeliveryGuarantee.AT_LEAST_ONCE;

  @Option(
      names = "--backlog-s",
      paramLabel = "SECONDS",
      description = "How long the job works through the backlog (default: ${DEFAULT-VALUE}).")
  private int backlogSeconds = 60;

  @Option(
      names = "--translate",
      split = ",",
      paramLabel = "LANGS",
      description =
          "Instead of (a)-(d): (e) live streams whose captions are translated into these"
              + " languages (added latency per final cue) and (f) the translation engine alone"
              + " (sentences/s). Last line: bench: translate=<langs> engine=<id>"
              + " sentences_per_s=<x> added_p50_s=<a> added_p95_s=<b> live_streams=<n>")
  private List<String> translate = new ArrayList<>();

  @Option(
      names = {"--translation-option", "-T"},
      paramLabel = "KEY=VALUE",
      description =
          "A translation option of the job (translation.*), e.g. -T translation.timeout-ms=5000.")
  private Map<String, String> translationOptions = new LinkedHashMap<>();

  @Option(
      names = {"--recognition-option", "-R"},
      paramLabel = "KEY=VALUE",
      description =
          "A recognition option of the job and the raw engines (vad.*, asr.*, captions.*, as for"
              + " livesubs job), e.g. -R asr.commit-pause-ms=200.")
  private Map<String, String> recognitionOptions = new LinkedHashMap<>();

  @Mixin private WhisperBenchOptions whisper = new WhisperBenchOptions();

  @Override
  public Integer call() throws Exception {
    if (whisper.selected(spec.commandLine())) {
      try (WhisperBench bench =
          whisper.bench(spec.commandLine(), input, streams, durationSeconds)) {
        return withStopHook(bench, () -> bench.run(spec.commandLine().getErr()));
      }
    }
    BenchSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (translate.isEmpty()) {
      try (BenchRun run = new BenchRun(settings, out, err)) {
        return withStopHook(run, run::run);
      }
    }
    checkTranslationOptions();
    try (TranslationBench bench =
        new TranslationBench(settings, translate, translationOptions, out)) {
      return withStopHook(bench, () -> bench.run(err));
    }
  }

  /** Runs {@code body}, closing {@code run} if the JVM is stopped (Ctrl-C) meanwhile. */
  private static int withStopHook(AutoCloseable run, Callable<Integer> body) throws Exception {
    Thread hook =
        new Thread(
            () -> {
              try {
                run.close();
              } catch (Exception e) {
                // stopping anyway; nothing better to do with it here
              }
            },
            "livesubs-bench-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return body.call();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running or has run
      }
    }
  }

  private void checkTranslationOptions() {
    try {
      translate.forEach(LanguageTags::validate);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--translate: " + e.getMessage(), e);
    }
    try {
      TranslationSettings.defaults().withOptions(translationOptions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The options, checked; a bad one is a usage error naming it. */
  BenchSettings settings() {
    try {
      return new BenchSettings(
          input,
          streams,
          durationSeconds,
          parallelism == null ? BenchSettings.defaultParallelism() : parallelism,
          skipLive,
          skipBacklog,
          delivery,
          backlogSeconds,
          recognitionOptions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
