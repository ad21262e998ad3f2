package io.livesubs.inference.mt.marian;

import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of a {@link MarianTranslator}. Immutable; build with {@link #builder(Path)}.
 *
 * @param modelDir the model folder (see {@link
 *     io.livesubs.inference.mt.marian.model.MarianModelFolder})
 * @param session device and threads of the ONNX Runtime sessions
 * @param beamSize hypotheses per sentence; 1 is greedy decoding
 * @param maxBatchSize most sentences run through the model together
 * @param maxOutputTokens most tokens generated per sentence ({@code </s>} included)
 * @param kvCache whether decoding reuses the attention keys and values of earlier steps ({@code
 *     decoder_with_past_model.onnx}); without it every step re-runs the whole prefix
 * @param sourceLanguage the model's source language (BCP-47 primary subtag), or null to read {@code
 *     source_lang} from {@code tokenizer_config.json}
 * @param targetLanguage the model's target language, or null to read {@code target_lang} (models
 *     with {@code >>xx<<} tokens translate into each {@code xx})
 */
public record MarianTranslatorConfig(
    Path modelDir,
    OrtSessionConfig session,
    int beamSize,
    int maxBatchSize,
    int maxOutputTokens,
    boolean kvCache,
    String sourceLanguage,
    String targetLanguage) {

  /** Default hypotheses per sentence: greedy, the cheapest for live captions. */
  public static final int DEFAULT_BEAM_SIZE = 1;

  /** Default sentences per model run. */
  public static final int DEFAULT_MAX_BATCH = 16;

  /** Default output limit in tokens; caption sentences need far fewer. */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 256;

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  /** Validates the settings, naming the bad one. */
  public MarianTranslatorConfig {
    Objects.requireNonNull(modelDir, "modelDir");
    Objects.requireNonNull(session, "session");
    if (beamSize < 1 || beamSize > 16) {
      throw new IllegalArgumentException("Marian beam size must be 1..16, was " + beamSize);
    }
    if (maxBatchSize < 1 || maxBatchSize > 256) {
      throw new IllegalArgumentException("Marian max batch must be 1..256, was " + maxBatchSize);
    }
    if (maxOutputTokens < 1 || maxOutputTokens > 1024) {
      throw new IllegalArgumentException(
          "Marian max output tokens must be 1..1024, was " + maxOutputTokens);
    }
    if ((sourceLanguage == null) != (targetLanguage == null)) {
      throw new IllegalArgumentException("set both Marian languages or neither");
    }
    sourceLanguage = language(sourceLanguage);
    targetLanguage = language(targetLanguage);
  }

  /** A builder for the model in {@code modelDir}, with the defaults. */
  public static Builder builder(Path modelDir) {
    return new Builder(modelDir);
  }

  private static String language(String tag) {
    if (tag == null) {
      return null;
    }
    String primary = MarianTranslator.primarySubtag(tag).toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(primary).matches()) {
      throw new IllegalArgumentException("'" + tag + "' is not a BCP-47 language tag");
    }
    return primary;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private final Path modelDir;
    private ExecutionDevice device = ExecutionDevice.CPU;
    private int threads = 1;
    private int beamSize = DEFAULT_BEAM_SIZE;
    private int maxBatchSize = DEFAULT_MAX_BATCH;
    private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
    private boolean kvCache = true;
    private String sourceLanguage;
    private String targetLanguage;

    private Builder(Path modelDir) {
      this.modelDir = modelDir;
    }

    /** Where the model runs (default CPU). */
    public Builder device(ExecutionDevice value) {
      this.device = value;
      return this;
    }

    /** Intra-op threads of each session (default 1: the engine is shared by many callers). */
    public Builder threads(int value) {
      this.threads = value;
      return this;
    }

    /** Hypotheses per sentence, 1..16 (default 1: greedy). */
    public Builder beamSize(int value) {
      this.beamSize = value;
      return this;
    }

    /** Sentences per model run, 1..256 (default 16). */
    public Builder maxBatchSize(int value) {
      this.maxBatchSize = value;
      return this;
    }

    /** Most tokens generated per sentence, 1..1024 (default 256). */
    public Builder maxOutputTokens(int value) {
      this.maxOutputTokens = value;
      return this;
    }

    /** Whether to decode with the KV cache (default true). */
    public Builder kvCache(boolean value) {
      this.kvCache = value;
      return this;
    }

    /** The language pair, overriding {@code tokenizer_config.json}. */
    public Builder languages(String source, String target) {
      this.sourceLanguage = source;
      this.targetLanguage = target;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first bad setting
     */
    public MarianTranslatorConfig build() {
      OrtSessionConfig session =
          OrtSessionConfig.builder().device(device).intraOpThreads(threads).build();
      return new MarianTranslatorConfig(
          modelDir,
          session,
          beamSize,
          maxBatchSize,
          maxOutputTokens,
          kvCache,
          sourceLanguage,
          targetLanguage);
    }
  }
}
