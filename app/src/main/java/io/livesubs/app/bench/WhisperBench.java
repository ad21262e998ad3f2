package io.livesubs.app.bench;

import io.livesubs.app.bench.WhisperModelTiming.BatchTiming;
import io.livesubs.inference.asr.whisper.WhisperAssets;
import io.livesubs.inference.asr.whisper.WhisperEngineConfig;
import io.livesubs.inference.asr.whisper.decoding.DecodeOptions;
import io.livesubs.inference.asr.whisper.features.LogMelSpectrogram;
import io.livesubs.inference.asr.whisper.model.OnnxWhisperModel;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTask;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code livesubs bench --engine whisper}: (1) the model alone per batch size, (2) what that costs
 * streams under the streaming policy (the batch curve, best batch, real-time factor per stream),
 * (3) live-paced streams of real speech through one shared engine, searching the most that keep a
 * flat lag, with their final-commit latency. Prints the report ({@link WhisperBenchReport}) and
 * ends with the machine-readable line {@code bench: engine=whisper device=<d> arch=<a>
 * best_batch=<b> xrt_per_stream=<x> live_streams=<n> final_p95_s=<p>}.
 *
 * <p>Owns the model while running; {@link #close()} releases it and is idempotent. Not otherwise
 * thread-safe.
 */
final class WhisperBench implements AutoCloseable {

  private final WhisperBenchSettings settings;
  private final PrintWriter out;
  private OnnxWhisperModel model;

  WhisperBench(WhisperBenchSettings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
  }

  /** Runs the three phases and prints the report; 0 when at least one stream keeps up, else 1. */
  int run(PrintWriter err) throws IOException, InterruptedException {
    BenchAudio audio = BenchAudio.load(settings.input(), err);
    progress("audio: %s, %.1f s", audio.description(), audio.seconds());
    OrtSessionConfig ort =
        OrtSessionConfig.builder()
            .device(settings.device())
            .intraOpThreads(settings.threads())
            .build();
    OnnxWhisperModel opened =
        OnnxWhisperModel.builder().folder(settings.modelDir()).sessionConfig(ort).build();
    synchronized (this) {
      model = opened;
    }
    WhisperModelConfig config = opened.config();
    WhisperAssets assets = WhisperAssets.load(config, null, settings.modelDir());
    int[] prefix = assets.tokenizer().sotSequence("en", WhisperTask.TRANSCRIBE, true);
    int[] tokens = windowTokens(prefix, assets.tokenizer().encode(" the")[0]);
    String arch = arch(config);
    boolean standIn = isStandIn();
    progress(
        "model %s (%s%s) on %s, %d intra-op threads",
        config.name(),
        arch,
        standIn ? ", stand-in: random weights" : "",
        settings.device(),
        settings.threads());

    progress("(1) the model alone, batch sizes %s...", settings.batchSizes());
    float[] mel = new LogMelSpectrogram(assets.melFilters()).window(firstWindow(audio));
    List<BatchTiming> timings =
        WhisperModelTiming.run(
            opened,
            mel,
            tokens,
            settings.batchSizes(),
            t ->
                progress(
                    "    batch %d: encoder %.1f ms, decoder %.2f ms/step (%d batches)",
                    t.batch(), t.encoderMs(), t.decoderMsPerStep(), t.repeats()));
    WhisperBatchCurve curve = WhisperBatchCurve.of(timings, tokens.length, settings.stepMs());

    WhisperEngineConfig engineConfig = engineConfig(curve.best().batch());
    List<WhisperLiveTrial.Result> trials = new ArrayList<>();
    WhisperStreamSearch.Probe probe =
        n -> {
          progress(
              "(3) %d live streams x %d s (batches of up to %d)...",
              n, settings.durationSeconds(), engineConfig.batching().maxBatch());
          WhisperLiveTrial.Result trial =
              WhisperLiveTrial.run(
                  opened,
                  engineConfig,
                  audio.samples(),
                  n,
                  settings.durationSeconds(),
                  settings.segmentMs());
          trials.add(trial);
          progress("    %s", WhisperBenchReport.trialLine(trial));
          return trial.flat();
        };
    int live;
    if (settings.streams() != null) {
      live = probe.keepsUp(settings.streams()) ? settings.streams() : 0;
    } else {
      live =
          WhisperStreamSearch.search(
              Math.max(1, curve.predictedStreams()), settings.maxStreams(), probe);
    }
    WhisperBenchReport report =
        new WhisperBenchReport(
            settings, config.name(), arch, standIn, prefix.length, curve, trials, live);
    report.print(out);
    if (settings.json() != null) {
      Files.writeString(settings.json(), report.json());
    }
    out.flush();
    return live > 0 ? 0 : 1;
  }

  /** The decoding of the live streams: forced steps with guards that keep any text, or normal. */
  DecodeOptions decoding() {
    if (settings.freeDecoding()) {
      return DecodeOptions.DEFAULTS;
    }
    return DecodeOptions.builder()
        .forcedSteps(settings.decodeSteps())
        .noSpeechThreshold(1.0)
        .minAvgLogprob(Double.NEGATIVE_INFINITY)
        .compressionRatioThreshold(Double.MAX_VALUE)
        .build();
  }

  private WhisperEngineConfig engineConfig(int maxBatch) {
    return WhisperEngineConfig.builder()
        .modelDir(settings.modelDir())
        .device(settings.device())
        .intraOpThreads(settings.threads())
        .stepMs(settings.stepMs())
        .maxBatch(maxBatch)
        .queueCapacity(Math.max(4 * maxBatch, settings.maxStreams()))
        .language("en")
        .decoding(decoding())
        .build();
  }

  /**
   * The tokens one window feeds, one decoder step each: the prompt, then {@code decodeSteps - 1}
   * sampled tokens (the last sampled token is never fed).
   */
  int[] windowTokens(int[] prefix, int textToken) {
    int[] tokens = Arrays.copyOf(prefix, prefix.length + settings.decodeSteps() - 1);
    Arrays.fill(tokens, prefix.length, tokens.length, textToken);
    return tokens;
  }

  /** The first 30 s of the audio (less when it is shorter), as Whisper's float samples. */
  private static float[] firstWindow(BenchAudio audio) {
    short[] samples = audio.samples();
    int n = Math.min(samples.length, LogMelSpectrogram.N_SAMPLES);
    return LogMelSpectrogram.toFloat(Arrays.copyOf(samples, n));
  }

  /** Whether the folder was written by the stand-in generator (random weights). */
  private boolean isStandIn() throws IOException {
    return Files.readString(settings.modelDir().resolve("config.json"))
        .contains("\"livesubs_standin\"");
  }

  /**
   * The Whisper size of {@code config} by its width and depth ({@code tiny}, {@code base}, {@code
   * small}, {@code medium}, {@code large}, {@code large-v3}), or {@code d<width>-l<layers>}.
   */
  static String arch(WhisperModelConfig config) {
    String name =
        switch (config.modelDim() + "x" + config.encoderLayers()) {
          case "384x4" -> "tiny";
          case "512x6" -> "base";
          case "768x12" -> "small";
          case "1024x24" -> "medium";
          case "1280x32" -> config.melBins() == 128 ? "large-v3" : "large";
          default -> null;
        };
    return name != null
        ? name
        : String.format(Locale.ROOT, "d%d-l%d", config.modelDim(), config.encoderLayers());
  }

  private void progress(String format, Object... args) {
    out.println("... " + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Releases the model. */
  @Override
  public void close() {
    OnnxWhisperModel toClose;
    synchronized (this) {
      toClose = model;
      model = null;
    }
    if (toClose != null) {
      toClose.close();
    }
  }
}
