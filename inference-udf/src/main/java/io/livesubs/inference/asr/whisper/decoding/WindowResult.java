package io.livesubs.inference.asr.whisper.decoding;

import java.util.List;
import java.util.Objects;

/**
 * The decode of one window. Immutable.
 *
 * <p>A dropped window ({@link #dropped()}) has no segments, words or text, but keeps its statistics
 * and tokens for diagnostics. Times are seconds from the start of the window.
 *
 * @param segments kept segments in time order (consecutive duplicates removed)
 * @param words the words of the kept segments, in order
 * @param text the kept text, trimmed
 * @param tokens every sampled token that was kept (timestamps included, {@code <|endoftext|>} and
 *     cut repeats excluded)
 * @param language the language code used: the hint, or the detected language (English-only models
 *     always report {@code en})
 * @param languageProbability probability of the detected language among all languages; 1 when given
 *     as a hint
 * @param noSpeechProbability probability of {@code <|nospeech|>} at the start-of-transcript
 * @param avgLogprob average log probability of the kept tokens (with {@code <|endoftext|>} when
 *     sampled), as the reference computes it
 * @param compressionRatio UTF-8 length of the text over its zlib-compressed length
 * @param finishReason why sampling stopped
 * @param dropReason why the text was dropped, or {@link DropReason#KEPT}
 */
public record WindowResult(
    List<DecodedSegment> segments,
    List<DecodedWord> words,
    String text,
    List<Integer> tokens,
    String language,
    double languageProbability,
    double noSpeechProbability,
    double avgLogprob,
    double compressionRatio,
    FinishReason finishReason,
    DropReason dropReason) {

  /** Validates and copies the components. */
  public WindowResult {
    segments = List.copyOf(segments);
    words = List.copyOf(words);
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(dropReason, "dropReason");
    if (dropReason != DropReason.KEPT && (!segments.isEmpty() || !text.isEmpty())) {
      throw new IllegalArgumentException("a dropped window carries no text");
    }
  }

  /** Whether the text was dropped by a guard. */
  public boolean dropped() {
    return dropReason != DropReason.KEPT;
  }
}
