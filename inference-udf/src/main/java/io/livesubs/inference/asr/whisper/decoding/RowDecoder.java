package io.livesubs.inference.asr.whisper.decoding;

import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one row during a lock-step greedy decode: it first feeds its forced prefix token by
 * token, then samples. At the start-of-transcript position it records the no-speech probability
 * and, when the row has no language, picks the likeliest language token to feed next.
 *
 * <p>Owned by the decoding thread; not thread-safe.
 */
final class RowDecoder {
  /** Placeholder in the forced prefix for the language detected at the SOT position. */
  static final int DETECT_LANGUAGE = -1;

  private final int[] forced;
  private final int sotIndex;
  private final DecodeRequest request;
  private final List<LogitFilter> filters;
  private final RepetitionGuard repetition;
  private final WhisperSpecialTokens specials;
  private final int textContext;
  private final int sampleLimit;
  private int fedForced;
  private int[] sampled = new int[32];
  private float[] logprobs = new float[32];
  private int count;
  private int[] textTokens = new int[32];
  private int[] textPositions = new int[32];
  private int textCount;
  private float endLogprob = Float.NaN;
  private double noSpeechProbability = Double.NaN;
  private String language;
  private double languageProbability = 1.0;
  private FinishReason finish;

  RowDecoder(
      ForcedPrefix prefix,
      DecodeRequest request,
      List<LogitFilter> filters,
      WhisperSpecialTokens specials,
      int textContext) {
    this.forced = prefix.tokens();
    this.sotIndex = prefix.sotIndex();
    this.language = prefix.language();
    this.request = request;
    this.filters = filters;
    this.specials = specials;
    this.textContext = textContext;
    DecodeOptions options = request.options();
    this.repetition =
        new RepetitionGuard(options.repetitionMaxNgram(), options.repetitionMinRepeats());
    this.sampleLimit =
        options.forcedSteps() > 0 ? options.forcedSteps() : options.maxSampledTokens();
  }

  boolean done() {
    return finish != null;
  }

  /** The token this row feeds at the next step ({@code <|endoftext|>} once done). */
  int nextInput() {
    if (done()) {
      return specials.endOfText();
    }
    return fedForced < forced.length ? forced[fedForced] : sampled[count - 1];
  }

  /**
   * Takes the logits produced by the token from {@link #nextInput()}.
   *
   * @param position tokens fed so far, this step's included
   */
  void accept(float[] logits, int position) {
    if (done()) {
      return;
    }
    if (logits.length != specials.vocabSize()) {
      throw new IllegalStateException(
          "model gave "
              + logits.length
              + " logits, the tokenizer's vocabulary has "
              + specials.vocabSize());
    }
    if (fedForced < forced.length) {
      if (fedForced == sotIndex) {
        atStartOfTranscript(logits);
      }
      fedForced++;
      if (fedForced < forced.length) {
        return;
      }
    }
    sample(logits);
    if (!done() && position >= textContext) {
      finish = FinishReason.CONTEXT_FULL;
    }
  }

  /** Stops the row because the decoder cannot take another token. */
  void stopForContext() {
    if (!done()) {
      finish = FinishReason.CONTEXT_FULL;
    }
  }

  private void atStartOfTranscript(float[] logits) {
    double all = LogMath.logSumExp(logits, 0, logits.length);
    noSpeechProbability = Math.exp(logits[specials.noSpeech()] - all);
    if (sotIndex + 1 < forced.length && forced[sotIndex + 1] == DETECT_LANGUAGE) {
      int[] languages = specials.languageTokens();
      float[] scores = new float[languages.length];
      for (int i = 0; i < languages.length; i++) {
        scores[i] = logits[languages[i]];
      }
      int best = LogMath.argMax(scores, 0, scores.length);
      forced[sotIndex + 1] = languages[best];
      language = specials.languageOf(languages[best]);
      languageProbability = Math.exp(scores[best] - LogMath.logSumExp(scores, 0, scores.length));
    }
  }

  private void sample(float[] logits) {
    for (LogitFilter filter : filters) {
      filter.apply(logits, sampled, count);
    }
    int token = LogMath.argMax(logits, 0, logits.length);
    if (logits[token] == Float.NEGATIVE_INFINITY) {
      finish = FinishReason.NOTHING_ALLOWED;
      return;
    }
    float logprob = (float) (logits[token] - LogMath.logSumExp(logits, 0, logits.length));
    if (token == specials.endOfText()) {
      endLogprob = logprob;
      finish = FinishReason.END_OF_TEXT;
      return;
    }
    append(token, logprob);
    if (token < specials.endOfText() && request.options().forcedSteps() == 0) {
      int keep = repetition.keepLength(textTokens, textCount);
      if (keep >= 0) {
        count = textPositions[keep];
        finish = FinishReason.REPETITION;
        return;
      }
    }
    if (count >= sampleLimit) {
      finish =
          request.options().forcedSteps() > 0 ? FinishReason.FORCED_STEPS : FinishReason.MAX_TOKENS;
    }
  }

  private void append(int token, float logprob) {
    if (count == sampled.length) {
      sampled = Arrays.copyOf(sampled, count * 2);
      logprobs = Arrays.copyOf(logprobs, count * 2);
    }
    if (token < specials.endOfText()) {
      if (textCount == textTokens.length) {
        textTokens = Arrays.copyOf(textTokens, textCount * 2);
        textPositions = Arrays.copyOf(textPositions, textCount * 2);
      }
      textTokens[textCount] = token;
      textPositions[textCount++] = count;
    }
    sampled[count] = token;
    logprobs[count++] = logprob;
  }

  /** The finished row's outcome; only valid once {@link #done()}. */
  RowOutcome outcome() {
    if (!done()) {
      throw new IllegalStateException("row is still decoding");
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += logprobs[i];
    }
    int n = count;
    if (finish == FinishReason.END_OF_TEXT) {
      sum += endLogprob;
      n++;
    }
    double avg = n == 0 ? Double.NEGATIVE_INFINITY : sum / n;
    return new RowOutcome(
        Arrays.copyOf(sampled, count),
        Arrays.copyOf(logprobs, count),
        avg,
        noSpeechProbability,
        language,
        languageProbability,
        finish);
  }
}
