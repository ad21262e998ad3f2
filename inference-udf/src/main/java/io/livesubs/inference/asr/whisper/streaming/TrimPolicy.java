package io.livesubs.inference.asr.whisper.streaming;

import io.livesubs.inference.asr.Word;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where to cut the audio buffer once it is longer than a threshold: at the end of the last
 * committed word that ends a sentence, or, when no committed word in the buffer ends one, at the
 * end of the last committed word. Cutting only at committed words means no audio the decoder still
 * needs is dropped; cutting at sentence ends keeps whole sentences together in one window, which
 * Whisper transcribes best. Immutable.
 *
 * @param thresholdMs buffer length that triggers trimming
 */
public record TrimPolicy(long thresholdMs) {
  private static final String SENTENCE_ENDS = ".?!…。？！";
  private static final String CLOSERS = "\"'”’)]»」』";

  /** Validates the component. */
  public TrimPolicy {
    if (thresholdMs <= 0) {
      throw new IllegalArgumentException("thresholdMs must be > 0, was " + thresholdMs);
    }
  }

  /**
   * The media time to trim the buffer at, if it should be trimmed now.
   *
   * @param committed committed words (any order of time; those ending inside the buffer count)
   * @param bufferStartMs media time of the buffer's first sample
   * @param bufferEndMs media time just after its last sample
   */
  public OptionalLong trimPoint(List<Word> committed, long bufferStartMs, long bufferEndMs) {
    if (bufferEndMs - bufferStartMs <= thresholdMs) {
      return OptionalLong.empty();
    }
    long lastWordEnd = -1;
    long lastSentenceEnd = -1;
    for (Word w : committed) {
      if (w.endMs() > bufferStartMs && w.endMs() <= bufferEndMs) {
        lastWordEnd = Math.max(lastWordEnd, w.endMs());
        if (endsSentence(w.text())) {
          lastSentenceEnd = Math.max(lastSentenceEnd, w.endMs());
        }
      }
    }
    long point = lastSentenceEnd >= 0 ? lastSentenceEnd : lastWordEnd;
    return point >= 0 ? OptionalLong.of(point) : OptionalLong.empty();
  }

  /** Whether {@code word} ends a sentence (closing quotes and brackets are looked through). */
  public static boolean endsSentence(String word) {
    int i = word.length() - 1;
    while (i >= 0 && CLOSERS.indexOf(word.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && SENTENCE_ENDS.indexOf(word.charAt(i)) >= 0;
  }
}
