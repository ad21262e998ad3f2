package io.livesubs.jobs.translation;

import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.schemas.Topics;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Settings of the translation branch of the job. Immutable and serializable (operators hold it);
 * the canonical constructor validates, naming the bad setting. Option keys (defaults in brackets),
 * applied by {@link #withOptions}:
 *
 * <pre>
 * translation.enabled          true|false: add the translation branch      [false]
 * translation.default-targets  comma-separated BCP-47 targets of streams
 *                              without a StreamConfig                      []
 * translation.engine           apertium | marian                           [apertium]
 * translation.marian.model-dir  folder of an ONNX opus-mt export (required
 *                              for marian; see docs/translation.md)        []
 * translation.marian.device     cpu | cuda | cuda:N                         [cpu]
 * translation.marian.beam-size  hypotheses per sentence, 1 = greedy         [1]
 * translation.partials       true|false: also translate partial cues (a
 *                              preview of the open phrase; one engine call
 *                              per changed partial)                        [false]
 * translation.max-batch      sentences of one language pair per engine
 *                              call, taken from those waiting              [16]
 * translation.capacity         translations in flight per subtask          [100]
 * translation.timeout-ms       per phrase, then the phrase is skipped      [10000]
 * translation.threads          engine calls in parallel per subtask        [2]
 * translation.streams-topic    compacted StreamConfig topic                [livesubs.streams]
 * </pre>
 *
 * @param enabled whether the job translates at all
 * @param defaultTargets target languages of a stream that has no config (or a tombstone)
 * @param engine the translation engine id: {@link #APERTIUM} or {@link #MARIAN}
 * @param capacity bound on requests in flight in the async operator (backpressure beyond it)
 * @param timeout how long a phrase may take before it is given up (and counted as failed)
 * @param threads size of each async operator's engine thread pool
 * @param streamsTopic topic of {@code StreamConfig} records
 * @param marianModelDir the Marian model folder on the task managers, or null (engine apertium)
 * @param marianDevice where the Marian model runs ({@code cpu}, {@code cuda}, {@code cuda:N})
 * @param marianBeamSize Marian hypotheses per sentence, 1..16 (1: greedy, the fastest)
 * @param maxBatch most sentences of one language pair in one engine call (1..256); sentences are
 *     grouped only while they wait for a busy engine, so batching adds no latency
 * @param translatePartials whether partial source cues are translated too (off by default: a
 *     partial changes several times a second, so translating each costs an engine call per change
 *     and the previews of a short fragment read poorly; finals are translated by whole phrases)
 */
public record TranslationSettings(
    boolean enabled,
    List<String> defaultTargets,
    String engine,
    int capacity,
    Duration timeout,
    int threads,
    String streamsTopic,
    String marianModelDir,
    String marianDevice,
    int marianBeamSize,
    int maxBatch,
    boolean translatePartials)
    implements Serializable {

  /** Every option key this class understands, sorted. */
  public static final List<String> KEYS =
      List.of(
          "translation.capacity",
          "translation.default-targets",
          "translation.enabled",
          "translation.engine",
          "translation.marian.beam-size",
          "translation.max-batch",
          "translation.marian.device",
          "translation.marian.model-dir",
          "translation.partials",
          "translation.streams-topic",
          "translation.threads",
          "translation.timeout-ms");

  /** The rule-based engine (Apertium processes). */
  public static final String APERTIUM = "apertium";

  /** The neural engine (MarianMT / opus-mt on ONNX Runtime). */
  public static final String MARIAN = "marian";

  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  /** Validates every setting. */
  public TranslationSettings {
    if (defaultTargets == null) {
      throw new IllegalArgumentException("translation defaultTargets must not be null");
    }
    for (String tag : defaultTargets) {
      checkLanguageTag("translation.default-targets", tag);
    }
    defaultTargets = List.copyOf(defaultTargets);
    if (!APERTIUM.equals(engine) && !MARIAN.equals(engine)) {
      throw new IllegalArgumentException(
          "translation.engine must be " + APERTIUM + " or " + MARIAN + ", got '" + engine + "'");
    }
    if (marianModelDir != null && marianModelDir.isBlank()) {
      marianModelDir = null;
    }
    if (MARIAN.equals(engine) && marianModelDir == null) {
      throw new IllegalArgumentException(
          "translation.engine=marian needs translation.marian.model-dir (an ONNX opus-mt export)");
    }
    try {
      marianDevice = ExecutionDevice.parse(marianDevice).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("translation.marian.device: " + e.getMessage(), e);
    }
    if (marianBeamSize < 1 || marianBeamSize > 16) {
      throw new IllegalArgumentException(
          "translation.marian.beam-size must be 1..16, got " + marianBeamSize);
    }
    if (maxBatch < 1 || maxBatch > 256) {
      throw new IllegalArgumentException("translation.max-batch must be 1..256, got " + maxBatch);
    }
    if (capacity < 1 || capacity > 10_000) {
      throw new IllegalArgumentException("translation.capacity must be 1..10000, got " + capacity);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("translation.timeout must be positive, got " + timeout);
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("translation.threads must be 1..64, got " + threads);
    }
    if (streamsTopic == null || streamsTopic.isBlank()) {
      throw new IllegalArgumentException("translation.streams-topic is empty");
    }
  }

  /**
   * Translation off; when enabled: no default targets, Apertium, 100 in flight, 10 s, 2 threads.
   */
  public static TranslationSettings defaults() {
    return new TranslationSettings(
        false,
        List.of(),
        APERTIUM,
        100,
        Duration.ofSeconds(10),
        2,
        Topics.STREAMS,
        null,
        ExecutionDevice.CPU.toString(),
        1,
        16,
        false);
  }

  /**
   * Checks a BCP-47 language tag (shape only: a 2–3 letter primary subtag and optional subtags).
   *
   * @throws IllegalArgumentException naming {@code what} when it is malformed
   */
  static String checkLanguageTag(String what, String tag) {
    if (tag == null || !LANGUAGE_TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(what + ": '" + tag + "' is not a BCP-47 language tag");
    }
    return tag;
  }

  /**
   * These settings with {@code options} applied (keys in {@link #KEYS}).
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public TranslationSettings withOptions(Map<String, String> options) {
    boolean on = enabled;
    List<String> targets = defaultTargets;
    String eng = engine;
    int cap = capacity;
    Duration wait = timeout;
    int pool = threads;
    String topic = streamsTopic;
    String modelDir = marianModelDir;
    String device = marianDevice;
    int beam = marianBeamSize;
    boolean partials = translatePartials;
    int batch = maxBatch;
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue().strip();
      try {
        switch (key) {
          case "translation.enabled" -> on = bool(key, value);
          case "translation.default-targets" -> targets = list(value);
          case "translation.engine" -> eng = value.toLowerCase(Locale.ROOT);
          case "translation.capacity" -> cap = Integer.parseInt(value);
          case "translation.timeout-ms" -> wait = Duration.ofMillis(Long.parseLong(value));
          case "translation.threads" -> pool = Integer.parseInt(value);
          case "translation.streams-topic" -> topic = value;
          case "translation.marian.model-dir" -> modelDir = value;
          case "translation.marian.device" -> device = value;
          case "translation.marian.beam-size" -> beam = Integer.parseInt(value);
          case "translation.partials" -> partials = bool(key, value);
          case "translation.max-batch" -> batch = Integer.parseInt(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown translation option '" + key + "'; known: " + String.join(", ", KEYS));
        }
      } catch (NumberFormatException bad) {
        throw new IllegalArgumentException(
            "translation option " + key + " needs a number, got '" + value + "'");
      }
    }
    return new TranslationSettings(
        on, targets, eng, cap, wait, pool, topic, modelDir, device, beam, batch, partials);
  }

  private static List<String> list(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "translation option " + key + " needs true or false, got '" + value + "'");
    };
  }
}
