package io.livesubs.inference.asr.whisper.decoding;

import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds the filter chain for a set of {@link DecodeOptions}, in the reference's order: suppress
 * blank, suppress tokens, timestamp rules. Immutable and thread-safe.
 */
public final class LogitFilters {
  private final WhisperTokenizer tokenizer;
  private final int[] nonSpeech;

  /** Filters for {@code tokenizer}'s vocabulary. */
  public LogitFilters(WhisperTokenizer tokenizer) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.nonSpeech = tokenizer.nonSpeechTokens();
  }

  /** The chain for {@code options}; {@code <|endoftext|>} is also masked when steps are forced. */
  public List<LogitFilter> forOptions(DecodeOptions options) {
    WhisperSpecialTokens specials = tokenizer.specials();
    List<LogitFilter> chain = new ArrayList<>();
    if (options.suppressBlank()) {
      chain.add(new SuppressBlankFilter(tokenizer.encode(" ")[0], specials.endOfText()));
    }
    chain.add(new SuppressTokensFilter(suppressedTokens(options)));
    if (options.timestamps()) {
      int maxInitial =
          options.maxInitialTimestamp() < 0
              ? -1
              : (int)
                  Math.round(
                      options.maxInitialTimestamp() / WhisperSpecialTokens.TIMESTAMP_STEP_SECONDS);
      chain.add(
          new TimestampRulesFilter(
              specials.timestampBegin(),
              specials.endOfText(),
              specials.noTimestamps(),
              maxInitial));
    }
    return List.copyOf(chain);
  }

  /**
   * Every token the options never allow: the configured ids, the non-speech symbols when asked for,
   * and all special tokens that are not text, timestamps or the end (start of transcript,
   * languages, tasks, start of previous/LM, no-speech, no-timestamps), all timestamps when they are
   * off, and {@code <|endoftext|>} when steps are forced; sorted.
   */
  public int[] suppressedTokens(DecodeOptions options) {
    WhisperSpecialTokens specials = tokenizer.specials();
    TreeSet<Integer> ids = new TreeSet<>(options.suppressTokens());
    if (options.suppressNonSpeech()) {
      for (int t : nonSpeech) {
        ids.add(t);
      }
    }
    for (int id = specials.startOfTranscript(); id < specials.timestampBegin(); id++) {
      ids.add(id);
    }
    if (options.forcedSteps() > 0) {
      ids.add(specials.endOfText());
    }
    if (!options.timestamps()) {
      for (int id = specials.timestampBegin(); id < specials.vocabSize(); id++) {
        ids.add(id);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }
}
