package io.livesubs.jobs;

import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.speech.AsrSettings;
import io.livesubs.jobs.speech.VadSettings;
import io.livesubs.jobs.speech.whisper.WhisperSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@link RecognitionSettings} from {@code key=value} options, for command lines and job
 * parameters. Keys (defaults in brackets):
 *
 * <pre>
 * vad.model                   Silero VAD .onnx file                 [located]
 * vad.start-threshold         speech start probability              [0.5]
 * vad.end-threshold           speech end probability                [0.35]
 * vad.min-speech-ms           shortest reported speech              [250]
 * vad.min-silence-ms          silence that ends a segment           [500]
 * vad.speech-pad-ms           padding around segments               [200]
 * vad.max-segment-ms          longest segment                       [12000]
 * vad.cut-search-ms           zone before the maximum to cut early  [3000]
 * asr.engine                  vosk|whisper                          [vosk]
 * asr.model-dir               engine model directory                [located; required by whisper]
 * asr.device                  cpu|cuda|cuda:N (whisper)             [cpu]
 * asr.language                BCP 47 language of unhinted streams   [model's / detected]
 * asr.whisper.step-ms         audio between decodes of a segment    [1000]
 * asr.whisper.max-batch       windows per model call (per JVM)      [16]
 * asr.whisper.max-wait-ms     wait for a batch to fill              [10]
 * asr.whisper.capacity        windows in flight per subtask         [8]
 * asr.whisper.timeout-ms      window timeout (skipped, counted)     [60000]
 * asr.whisper.min-avg-logprob drop windows less confident than this [-1.0]
 * asr.whisper.max-tokens      tokens sampled per window             [224]
 * asr.partials                true|false: emit partial cues         [true]
 * asr.partial-interval-ms     audio between partial hypotheses      [100]
 * captions.max-chars-per-line                                       [42]
 * captions.max-lines                                                [2]
 * captions.max-chars-per-second                                     [17]
 * captions.min-duration-ms                                          [1000]
 * captions.max-duration-ms                                          [7000]
 * captions.min-gap-ms                                               [80]
 * captions.max-trail-ms       time on screen after the last word    [1500]
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RecognitionOptions {

  /** Every key this class understands, sorted. */
  public static final List<String> KEYS =
      List.of(
          "asr.commit-fill-percent",
          "asr.commit-min-words",
          "asr.commit-pause-ms",
          "asr.commit-policy",
          "asr.commit-settle-ms",
          "asr.commit-tolerance-ms",
          "asr.device",
          "asr.engine",
          "asr.language",
          "asr.model-dir",
          "asr.partial-interval-ms",
          "asr.partials",
          "asr.whisper.capacity",
          "asr.whisper.max-batch",
          "asr.whisper.max-tokens",
          "asr.whisper.max-wait-ms",
          "asr.whisper.min-avg-logprob",
          "asr.whisper.step-ms",
          "asr.whisper.timeout-ms",
          "captions.max-chars-per-line",
          "captions.max-chars-per-second",
          "captions.max-duration-ms",
          "captions.max-lines",
          "captions.max-trail-ms",
          "captions.min-duration-ms",
          "captions.min-gap-ms",
          "vad.cut-search-ms",
          "vad.end-threshold",
          "vad.max-segment-ms",
          "vad.min-silence-ms",
          "vad.min-speech-ms",
          "vad.model",
          "vad.speech-pad-ms",
          "vad.start-threshold");

  private static final String COMMIT_PREFIX = "asr.commit-";

  private RecognitionOptions() {}

  /**
   * {@code base} with {@code options} applied.
   *
   * @throws IllegalArgumentException naming an unknown key, an unparsable value or an invalid
   *     combination
   */
  public static RecognitionSettings apply(RecognitionSettings base, Map<String, String> options) {
    VadSettings v = base.vad();
    VadSettings.Builder vad =
        VadSettings.builder()
            .startThreshold(v.startThreshold())
            .endThreshold(v.endThreshold())
            .minSpeechMs(v.minSpeechMs())
            .minSilenceMs(v.minSilenceMs())
            .speechPadMs(v.speechPadMs())
            .maxSegmentMs(v.maxSegmentMs())
            .cutSearchMs(v.cutSearchMs())
            .modelFile(v.modelFile());
    AsrSettings a = base.asr();
    AsrSettings.Builder asr =
        AsrSettings.builder()
            .engine(a.engine())
            .modelDir(a.modelDir())
            .emitPartials(a.emitPartials())
            .partialIntervalMs(a.partialIntervalMs())
            .device(a.device())
            .language(a.language());
    WhisperSettings.Builder whisper = a.whisper().toBuilder();
    ShapingRules.Builder captions = base.shaping().toBuilder();
    Map<String, String> commitOptions = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      String key = e.getKey();
      if (key.startsWith(COMMIT_PREFIX)) {
        commitOptions.put(key, e.getValue() == null ? "" : e.getValue());
        continue;
      }
      String value = e.getValue() == null ? "" : e.getValue().strip();
      try {
        set(key, value, vad, asr, whisper, captions);
      } catch (NumberFormatException bad) {
        throw new IllegalArgumentException(
            "recognition option " + key + " needs a number, got '" + value + "'");
      }
    }
    for (String key : commitOptions.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown recognition option '" + key + "'; known: " + String.join(", ", KEYS));
      }
    }
    return new RecognitionSettings(
        vad.build(),
        asr.whisper(whisper.build()).build(),
        captions.build(),
        base.commit().withOptions(commitOptions));
  }

  private static void set(
      String key,
      String value,
      VadSettings.Builder vad,
      AsrSettings.Builder asr,
      WhisperSettings.Builder whisper,
      ShapingRules.Builder captions) {
    switch (key) {
      case "vad.model" -> vad.modelFile(value);
      case "vad.start-threshold" -> vad.startThreshold(Float.parseFloat(value));
      case "vad.end-threshold" -> vad.endThreshold(Float.parseFloat(value));
      case "vad.min-speech-ms" -> vad.minSpeechMs(Integer.parseInt(value));
      case "vad.min-silence-ms" -> vad.minSilenceMs(Integer.parseInt(value));
      case "vad.speech-pad-ms" -> vad.speechPadMs(Integer.parseInt(value));
      case "vad.max-segment-ms" -> vad.maxSegmentMs(Integer.parseInt(value));
      case "vad.cut-search-ms" -> vad.cutSearchMs(Integer.parseInt(value));
      case "asr.engine" -> asr.engine(AsrSettings.Engine.of(value));
      case "asr.model-dir" -> asr.modelDir(value);
      case "asr.partials" -> asr.emitPartials(bool(key, value));
      case "asr.partial-interval-ms" -> asr.partialIntervalMs(Integer.parseInt(value));
      case "asr.device" -> asr.device(value);
      case "asr.language" -> asr.language(value.isEmpty() ? null : value);
      case "asr.whisper.step-ms" -> whisper.stepMs(Integer.parseInt(value));
      case "asr.whisper.max-batch" -> whisper.maxBatch(Integer.parseInt(value));
      case "asr.whisper.max-wait-ms" -> whisper.maxWaitMs(Integer.parseInt(value));
      case "asr.whisper.capacity" -> whisper.capacity(Integer.parseInt(value));
      case "asr.whisper.timeout-ms" -> whisper.timeoutMs(Long.parseLong(value));
      case "asr.whisper.min-avg-logprob" -> whisper.minAvgLogprob(Double.parseDouble(value));
      case "asr.whisper.max-tokens" -> whisper.maxTokens(Integer.parseInt(value));
      case "captions.max-chars-per-line" -> captions.maxCharsPerLine(Integer.parseInt(value));
      case "captions.max-lines" -> captions.maxLines(Integer.parseInt(value));
      case "captions.max-chars-per-second" -> captions.maxCharsPerSecond(Double.parseDouble(value));
      case "captions.min-duration-ms" -> captions.minDurationMs(Long.parseLong(value));
      case "captions.max-duration-ms" -> captions.maxDurationMs(Long.parseLong(value));
      case "captions.min-gap-ms" -> captions.minGapMs(Long.parseLong(value));
      case "captions.max-trail-ms" -> captions.maxTrailMs(Long.parseLong(value));
      default ->
          throw new IllegalArgumentException(
              "unknown recognition option '" + key + "'; known: " + String.join(", ", KEYS));
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "recognition option " + key + " needs true or false, got '" + value + "'");
    };
  }
}
