package io.livesubs.inference.asr.whisper;

import io.livesubs.inference.asr.whisper.features.LogMelSpectrogram;
import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.model.WhisperInference;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

/**
 * A test implementation of {@link WhisperInference} whose logits follow scripts, for unit tests of
 * the decoding logic (the real stand-in ONNX model is used by the engine tests). A selector picks
 * each window's script: by default its first value ({@link #window}). At the start-of-transcript
 * position a script peaks at its language and gives {@code <|nospeech|>} its logit; after the
 * prefix it peaks at its next output token, then at {@code <|endoftext|>}. Every other logit is
 * small deterministic noise that depends on the script and position, so rows differ even where
 * scripts agree.
 *
 * <p>Thread-safe; records the size of every batch and every row's fed tokens.
 */
public final class WhisperScriptedModel implements WhisperInference {
  /** Logit of the token a script asks for; the noise stays below 1. */
  public static final float PEAK = 20f;

  /**
   * What one window "says".
   *
   * @param output tokens to emit after the prefix, in order
   * @param language the language code to peak at the start-of-transcript position
   * @param noSpeechLogit the logit of {@code <|nospeech|>} there (PEAK + 5 makes it near certain)
   * @param peak the logit of each output token (lower it to make the text unconvincing)
   */
  public record Script(int[] output, String language, float noSpeechLogit, float peak) {
    /** A confident script in {@code language} with negligible no-speech probability. */
    public static Script speech(String language, int... output) {
      return new Script(output, language, 0f, PEAK);
    }
  }

  private final WhisperTokenizer tokenizer;
  private final WhisperSpecialTokens specials;
  private final List<Script> scripts;
  private final ToIntFunction<float[]> selector;
  private final WhisperModelConfig config;
  private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
  private final List<int[]> fedHistories = Collections.synchronizedList(new ArrayList<>());
  private volatile CountDownLatch gate;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Scripts selected by the first value of each window ({@link #window}). */
  public WhisperScriptedModel(WhisperTokenizer tokenizer, List<Script> scripts) {
    this(tokenizer, scripts, mel -> (int) mel[0]);
  }

  /** Scripts selected by {@code selector} from each window. */
  public WhisperScriptedModel(
      WhisperTokenizer tokenizer, List<Script> scripts, ToIntFunction<float[]> selector) {
    this.tokenizer = tokenizer;
    this.specials = tokenizer.specials();
    this.scripts = List.copyOf(scripts);
    this.selector = selector;
    this.config =
        new WhisperModelConfig(
            "scripted",
            80,
            1500,
            448,
            384,
            4,
            4,
            6,
            tokenizer.vocabSize(),
            tokenizer.isMultilingual(),
            specials.numLanguages());
  }

  /** A mel window that selects script {@code index}. */
  public static float[] window(int index) {
    float[] mel = new float[80 * LogMelSpectrogram.N_FRAMES];
    mel[0] = index;
    return mel;
  }

  /** Text tokens of {@code text}. */
  public int[] text(String text) {
    return tokenizer.encode(text);
  }

  /** The timestamp token for {@code seconds}. */
  public int ts(double seconds) {
    return specials.timestampToken(seconds);
  }

  /** Sizes of all batches started so far, in order. */
  public List<Integer> batchSizes() {
    synchronized (batchSizes) {
      return List.copyOf(batchSizes);
    }
  }

  /** Every finished row's fed tokens, in the order rows were closed. */
  public List<int[]> fedHistories() {
    synchronized (fedHistories) {
      return List.copyOf(fedHistories);
    }
  }

  /** Makes {@link #startBatch} wait until {@link #openGate()}. */
  public void closeGate() {
    gate = new CountDownLatch(1);
  }

  /** Releases every waiting and later {@link #startBatch} call. */
  public void openGate() {
    CountDownLatch g = gate;
    gate = null;
    if (g != null) {
      g.countDown();
    }
  }

  @Override
  public WhisperModelConfig config() {
    return config;
  }

  @Override
  public DecoderBatch startBatch(List<float[]> mels) {
    if (closed.get()) {
      throw new IllegalStateException("model closed");
    }
    if (mels.isEmpty()) {
      throw new IllegalArgumentException("empty batch");
    }
    CountDownLatch g = gate;
    if (g != null) {
      try {
        g.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    batchSizes.add(mels.size());
    List<Script> rows = new ArrayList<>();
    for (float[] mel : mels) {
      if (mel.length != 80 * LogMelSpectrogram.N_FRAMES) {
        throw new IllegalArgumentException("bad window length " + mel.length);
      }
      rows.add(scripts.get(selector.applyAsInt(mel)));
    }
    return new ScriptedBatch(rows);
  }

  @Override
  public void close() {
    closed.set(true);
  }

  private final class ScriptedBatch implements DecoderBatch {
    private final List<Script> rows;
    private final int[][] fed;
    private int position;

    ScriptedBatch(List<Script> rows) {
      this.rows = rows;
      this.fed = new int[rows.size()][config.textContext()];
    }

    @Override
    public int size() {
      return rows.size();
    }

    @Override
    public int position() {
      return position;
    }

    @Override
    public float[][] step(int[] tokens) {
      if (tokens.length != rows.size()) {
        throw new IllegalArgumentException("need one token per row");
      }
      if (position >= config.textContext()) {
        throw new IllegalStateException("text context exhausted");
      }
      float[][] out = new float[rows.size()][];
      for (int r = 0; r < rows.size(); r++) {
        fed[r][position] = tokens[r];
      }
      position++;
      for (int r = 0; r < rows.size(); r++) {
        out[r] = logits(rows.get(r), fed[r], position);
      }
      return out;
    }

    @Override
    public void close() {
      for (int[] row : fed) {
        fedHistories.add(Arrays.copyOf(row, position));
      }
    }
  }

  private float[] logits(Script script, int[] history, int length) {
    float[] logits = new float[specials.vocabSize()];
    int seed = scripts.indexOf(script) * 7919 + length * 104729;
    for (int i = 0; i < logits.length; i++) {
      int h = (i * 0x9E3779B1) ^ seed;
      h ^= h >>> 15;
      h *= 0x85EBCA6B;
      h ^= h >>> 13;
      logits[i] = (h & 0xFFFF) / 65536f;
    }
    int last = history[length - 1];
    if (last == specials.startOfTranscript()) {
      logits[specials.languageToken(script.language())] = script.peak();
      logits[specials.noSpeech()] = script.noSpeechLogit();
      return logits;
    }
    int sot = -1;
    for (int i = length - 1; i >= 0 && sot < 0; i--) {
      sot = history[i] == specials.startOfTranscript() ? i : -1;
    }
    int emitted = 0;
    for (int i = sot + 1; i < length; i++) {
      int t = history[i];
      boolean promptSpecial = t > specials.endOfText() && t < specials.timestampBegin();
      emitted += promptSpecial ? 0 : 1;
    }
    int next = emitted < script.output().length ? script.output()[emitted] : specials.endOfText();
    logits[next] = script.peak();
    return logits;
  }
}
