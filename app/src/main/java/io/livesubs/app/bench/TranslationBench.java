package io.livesubs.app.bench;

import io.livesubs.app.demo.LatencyStats;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.inference.mt.Translator;
import io.livesubs.jobs.translation.TranslationSettings;
import io.livesubs.jobs.translation.TranslatorFactory;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code livesubs bench --translate LANGS}: (e) live-paced streams through a job that translates
 * their captions, measuring the latency translation adds to each final cue, then (f) the
 * translation engine alone on the phrases those streams produced, measuring sentences per second on
 * this machine's CPU. The last line is machine-readable: {@code bench: translate=<langs>
 * engine=<id> sentences_per_s=<x> added_p50_s=<a> added_p95_s=<b> live_streams=<n>} (latencies of
 * the first target language).
 *
 * <p>Owns the local stack; {@link #close()} stops it and is idempotent. Not otherwise thread-safe.
 */
final class TranslationBench implements AutoCloseable {

  private final BenchSettings settings;
  private final List<String> targets;
  private final Map<String, String> options;
  private final PrintWriter out;
  private LocalStack stack;

  /**
   * @param settings audio, streams, duration, parallelism and delivery of the run
   * @param targets target languages, at least one
   * @param options the job's translation options ({@code translation.*}), e.g. the engine
   * @param out where progress and the report go
   */
  TranslationBench(
      BenchSettings settings, List<String> targets, Map<String, String> options, PrintWriter out) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("--translate needs at least one language");
    }
    this.settings = settings;
    this.targets = List.copyOf(targets);
    this.options = Map.copyOf(options);
    this.out = out;
  }

  /** Runs both phases and prints the report; 0 if every stream ended in every language, else 1. */
  int run(PrintWriter err) throws Exception {
    Map<String, String> all = new HashMap<>(options);
    all.put("translation.enabled", "true");
    TranslationSettings translation = TranslationSettings.defaults().withOptions(all);
    BenchAudio audio = BenchAudio.load(settings.input(), err);
    progress("audio: %s, %.1f s", audio.description(), audio.seconds());
    synchronized (this) {
      stack = LocalStack.builder().ephemeralPorts().slots(settings.parallelism()).start();
    }
    progress(
        "(e) %d live streams x %d s, captions translated into %s...",
        settings.streams(), settings.durationSeconds(), String.join(",", targets));
    TranslationPhase.Result live =
        TranslationPhase.run(
            stack,
            audio,
            settings.streams(),
            settings.durationSeconds(),
            settings.parallelism(),
            settings.delivery(),
            targets,
            withRecognition(options));
    progress("(f) the engine alone on %d phrases...", live.sourcePhrases().size());
    TranslationThroughput.Result engine;
    try (Translator translator = factory(translation).create()) {
      engine = TranslationThroughput.run(translator, "en", targets.get(0), live.sourcePhrases());
    }

    out.println();
    out.printf(
        Locale.ROOT,
        "translation (engine %s, %d live streams, %s):%n",
        translation.engine(),
        live.streams(),
        settings.delivery().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    out.printf(
        Locale.ROOT,
        "  source final cues    latency %s%n",
        describe(live.sourceFinal(), "ms", "cues"));
    for (String target : targets) {
      out.printf(
          Locale.ROOT,
          "  %-6s %4d cues      added latency %s%n",
          target,
          live.translatedCues().get(target),
          describe(live.added().get(target), "ms", "cues"));
    }
    out.printf(
        Locale.ROOT,
        "  engine alone (en->%s): %.1f sentences/s in batches of %d; one sentence alone %s%n",
        targets.get(0),
        engine.sentencesPerSecond(),
        TranslationThroughput.BATCH,
        describe(engine.singleMicros(), "µs", "sentences"));
    if (!live.complete()) {
      out.println("  incomplete: not every stream ended in every language in time");
    }
    LatencyStats first = live.added().get(targets.get(0));
    out.printf(
        Locale.ROOT,
        "bench: translate=%s engine=%s sentences_per_s=%.1f added_p50_s=%.2f added_p95_s=%.2f"
            + " live_streams=%d%n",
        String.join(",", targets),
        translation.engine(),
        engine.sentencesPerSecond(),
        first.p50Ms() / 1000.0,
        first.p95Ms() / 1000.0,
        live.streams());
    out.flush();
    return live.complete() ? 0 : 1;
  }

  /** The translation options plus the bench's recognition options, for the job. */
  private Map<String, String> withRecognition(Map<String, String> translation) {
    Map<String, String> all = new HashMap<>(settings.recognitionOptions());
    all.putAll(translation);
    return all;
  }

  private static TranslatorFactory factory(TranslationSettings translation) {
    return TranslatorFactory.of(translation);
  }

  private static String describe(LatencyStats stats, String unit, String what) {
    return String.format(
        Locale.ROOT,
        "p50 %d %s, p95 %d %s, max %d %s (%d %s)",
        stats.p50Ms(),
        unit,
        stats.p95Ms(),
        unit,
        stats.maxMs(),
        unit,
        stats.count(),
        what);
  }

  private void progress(String format, Object... args) {
    out.println("... " + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Stops the stack, and with it the job. */
  @Override
  public void close() {
    LocalStack toClose;
    synchronized (this) {
      toClose = stack;
      stack = null;
    }
    if (toClose != null) {
      toClose.close();
    }
  }
}
