package io.livesubs.inference.asr.vosk;

import io.livesubs.inference.asr.AsrEngine;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.models.SharedResourceRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Streaming speech recognition with Vosk (Kaldi). One {@link Model} per model directory per JVM,
 * shared by reference counting among all engines (so all Flink subtasks of a TaskManager share it);
 * each {@link AsrSession} owns one native {@link Recognizer} with word times enabled.
 *
 * <p>Determinism: a model whose features are dithered ({@code --dither} not 0 in {@code
 * conf/mfcc.conf}; Kaldi's default is 1.0) decodes the same audio differently from run to run, so
 * {@link Builder#build()} refuses it unless {@link Builder#allowDither(boolean)} says otherwise.
 * With dithering off, the same audio always gives the same words, times and confidences, which the
 * job relies on to rebuild decoders after a restore.
 *
 * <p>Speed: a model whose graph comes as a lookahead pair ({@code graph/HCLr.fst} + {@code
 * graph/Gr.fst}, like the small English model) decodes several times faster once the pair is
 * composed offline into {@value #STATIC_GRAPH}, which Vosk prefers; the build does that, and {@link
 * Builder#build()} warns when it is missing. Both graphs give the same words.
 *
 * <p>Thread-safe: the Vosk model is read-only once loaded and may be shared by recognisers on
 * different threads. {@link #close()} is idempotent and releases this engine's lease on the model;
 * Vosk keeps the native model alive while recognisers still use it.
 */
public final class VoskEngine implements AsrEngine {
  private static final Logger LOG = LoggerFactory.getLogger(VoskEngine.class);
  private static final SharedResourceRegistry<Path, Model> MODELS =
      new SharedResourceRegistry<>("Vosk model");

  /**
   * The static decoding graph, which Vosk loads instead of composing {@code graph/HCLr.fst} with
   * {@code graph/Gr.fst} while it decodes; the build writes it ({@code
   * scripts/vosk-static-graph.sh}).
   */
  static final String STATIC_GRAPH = "graph/HCLG.fst";

  private static final Set<String> NAME_WORDS = Set.of("vosk", "model", "small", "big", "lgraph");

  private final Path modelDir;
  private final String language;
  private final boolean partialWords;
  private final int decodeChunkMs;
  private final SharedResourceRegistry.Lease<Model> model;
  private final AtomicBoolean closed = new AtomicBoolean();

  private VoskEngine(Builder b, Path modelDir, String language) {
    this.modelDir = modelDir;
    this.language = language;
    this.partialWords = b.partialWords;
    this.decodeChunkMs = b.decodeChunkMs;
    NativeInit.ensure();
    this.model = MODELS.acquire(modelDir, VoskEngine::loadModel);
  }

  /** Opens the model in {@code modelDir} with defaults (language from the directory name). */
  public static VoskEngine open(Path modelDir) {
    return builder().modelDir(modelDir).build();
  }

  /** A builder; {@link Builder#modelDir} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "vosk:" + modelDir.getFileName();
  }

  /** The model's language (primary subtag, lower case). */
  public String language() {
    return language;
  }

  @Override
  public boolean supportsLanguage(String tag) {
    return tag != null && primarySubtag(tag).equals(language);
  }

  @Override
  public AsrSession openSession(AsrSessionConfig config) {
    Objects.requireNonNull(config, "config");
    if (closed.get()) {
      throw new IllegalStateException(name() + " is closed");
    }
    if (config.language() != null && !supportsLanguage(config.language())) {
      throw new IllegalArgumentException(
          name() + " recognises '" + language + "', not '" + config.language() + "'");
    }
    Recognizer recognizer;
    try {
      recognizer = new Recognizer(model.get(), config.sampleRate());
    } catch (IOException e) {
      throw new IllegalStateException("Vosk cannot create a recogniser for " + modelDir, e);
    }
    recognizer.setWords(true);
    recognizer.setPartialWords(partialWords);
    return new VoskSession(
        recognizer, config, decodeChunkMs * config.sampleRate() / 1000, partialWords);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }

  @Override
  public String toString() {
    return name();
  }

  /** Open engines (leases) on the model in {@code modelDir}; for tests and diagnostics. */
  static int sharedModelLeases(Path modelDir) throws IOException {
    return MODELS.leases(modelDir.toRealPath());
  }

  private static Model loadModel(Path dir) throws IOException {
    return new Model(dir.toString());
  }

  private static String primarySubtag(String tag) {
    return tag.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** Language from names like {@code vosk-model-small-en-us-0.15}; null if none. */
  static String languageFromDirName(String dirName) {
    for (String token : dirName.toLowerCase(Locale.ROOT).split("[-_.]")) {
      if (token.matches("[a-z]{2,3}") && !NAME_WORDS.contains(token)) {
        return token;
      }
    }
    return null;
  }

  /**
   * Sets Vosk's native log level once per JVM, before the first model loads: errors only. At
   * Kaldi's warning level the word alignment of partial lattices warns about the newest word
   * ("Discarding word-ids at the end of a sentence, that don't have alignments") several times a
   * second per stream, which buried everything else in the logs; Vosk's failures reach Java as
   * exceptions either way.
   */
  private static final class NativeInit {
    /** Kaldi's verbosity for errors only ({@link LogLevel#WARNINGS} is -1). */
    private static final int ERRORS_ONLY = -2;

    static {
      LibVosk.vosk_set_log_level(ERRORS_ONLY);
    }

    static void ensure() {
      // Class initialisation above runs exactly once, thread-safely.
    }
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private Path modelDir;
    private String language;
    private boolean partialWords = true;
    private int decodeChunkMs = 100;
    private boolean allowDither;

    private Builder() {}

    /** The Vosk model directory (containing {@code am/}, {@code conf/}, {@code graph/}). */
    public Builder modelDir(Path dir) {
      this.modelDir = dir;
      return this;
    }

    /** The model's language; default: inferred from the directory name. */
    public Builder language(String tag) {
      this.language = tag;
      return this;
    }

    /** Whether partial hypotheses carry word times (default true; costs a little decoding). */
    public Builder partialWords(boolean enabled) {
      this.partialWords = enabled;
      return this;
    }

    /**
     * Audio per decoder call (default 100 ms, 10..1000). Sessions feed Vosk in chunks of exactly
     * this size whatever blocks callers pass, which makes results independent of block sizes; a
     * larger chunk decodes a little faster, a smaller one gives earlier partials.
     */
    public Builder decodeChunkMs(int ms) {
      this.decodeChunkMs = ms;
      return this;
    }

    /**
     * Whether to accept a model that dithers its features (default false: such a model is refused,
     * as its output differs between runs on the same audio; when accepted, a warning is logged).
     */
    public Builder allowDither(boolean allowed) {
      this.allowDither = allowed;
      return this;
    }

    /**
     * Loads (or shares) the model.
     *
     * @throws IllegalArgumentException if the directory is not a Vosk model, its features are
     *     dithered (unless {@link #allowDither(boolean) allowed}) or the language is unknown
     * @throws ModelLoadException if Vosk cannot load the model
     */
    public VoskEngine build() {
      Objects.requireNonNull(modelDir, "modelDir");
      if (decodeChunkMs < 10 || decodeChunkMs > 1000) {
        throw new IllegalArgumentException(
            "decodeChunkMs must be in 10..1000, was " + decodeChunkMs);
      }
      if (!Files.isRegularFile(modelDir.resolve("am/final.mdl"))) {
        throw new IllegalArgumentException(
            modelDir + " is not a Vosk model directory (no am/final.mdl)");
      }
      Path real;
      try {
        real = modelDir.toRealPath();
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot resolve Vosk model directory " + modelDir, e);
      }
      if (!allowDither) {
        FeatureDither.requireDisabled(real);
      } else if (FeatureDither.of(real) != 0.0) {
        LOG.warn(
            "Vosk model {} dithers its features: decoding is not deterministic, and output after"
                + " a restore may differ from output without one",
            real);
      }
      if (!Files.isRegularFile(real.resolve(STATIC_GRAPH))
          && Files.isRegularFile(real.resolve("graph/HCLr.fst"))) {
        LOG.warn(
            "Vosk model {} has no static decoding graph ({}): Vosk composes its graph while it"
                + " decodes, several times slower. scripts/vosk-static-graph.sh writes it (the"
                + " build runs it when the OpenFst tools are installed).",
            real,
            STATIC_GRAPH);
      }
      String lang =
          language != null
              ? primarySubtag(language)
              : languageFromDirName(real.getFileName().toString());
      if (lang == null) {
        throw new IllegalArgumentException(
            "Cannot infer the language of Vosk model " + real + "; set it with language(...)");
      }
      return new VoskEngine(this, real, lang);
    }
  }
}
