package io.livesubs.inference.asr.whisper.decoding;

import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns a row's sampled tokens into segments and words.
 *
 * <p>A segment is the text between an opening and a closing timestamp token; a segment left open
 * (the row stopped before its closing timestamp) ends at the end of the window's audio, as does
 * text decoded without timestamps. The rest of the window is padding, so a segment starting at or
 * after the end of the real audio is left out as made up, and the times of the others are clamped
 * to the audio. Blank segments and a segment repeating the text of the one before it are left out
 * too. Words are timed as {@link DecodedWord} describes.
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentParser {

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final byte SPACE = ' ';

  private final WhisperTokenizer tokenizer;
  private final WhisperSpecialTokens specials;

  /** A parser for the tokens of {@code tokenizer}'s vocabulary. */
  public SegmentParser(WhisperTokenizer tokenizer) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.specials = tokenizer.specials();
  }

  /** Segments and their words. */
  public record Parsed(List<DecodedSegment> segments, List<DecodedWord> words) {
    /** Copies the components. */
    public Parsed {
      segments = List.copyOf(segments);
      words = List.copyOf(words);
    }
  }

  /**
   * Parses {@code tokens[0..count)} ({@code <|endoftext|>} excluded).
   *
   * @param logprobs the log probability of each token when it was sampled
   * @param audioSeconds real audio in the window
   */
  public Parsed parse(int[] tokens, float[] logprobs, int count, double audioSeconds) {
    List<DecodedSegment> segments = new ArrayList<>();
    List<DecodedWord> words = new ArrayList<>();
    double start = Double.NaN;
    int textFrom = -1;
    for (int i = 0; i < count; i++) {
      int token = tokens[i];
      if (specials.isTimestamp(token)) {
        double time = specials.timestampSeconds(token);
        if (textFrom >= 0) {
          emit(tokens, logprobs, textFrom, i, start, time, audioSeconds, segments, words);
          textFrom = -1;
          start = Double.NaN;
        } else {
          start = time;
        }
      } else if (token < specials.endOfText()) {
        if (textFrom < 0) {
          textFrom = i;
          start = Double.isNaN(start) ? 0 : start;
        }
      }
    }
    if (textFrom >= 0) {
      emit(tokens, logprobs, textFrom, count, start, audioSeconds, audioSeconds, segments, words);
    }
    return new Parsed(segments, words);
  }

  private void emit(
      int[] tokens,
      float[] logprobs,
      int from,
      int to,
      double start,
      double end,
      double audioSeconds,
      List<DecodedSegment> segments,
      List<DecodedWord> words) {
    int[] text = textTokens(tokens, from, to);
    String decoded = tokenizer.decode(text).strip();
    // A segment that starts where the real audio has ended describes padding: made-up text.
    if (decoded.isEmpty() || start >= audioSeconds) {
      return;
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).text().equals(decoded)) {
      return;
    }
    double s = Math.min(start, audioSeconds);
    double e = Math.max(s, Math.min(end, audioSeconds));
    segments.add(new DecodedSegment(s, e, decoded, Arrays.stream(text).boxed().toList()));
    addWords(tokens, logprobs, from, to, s, e, words);
  }

  private int[] textTokens(int[] tokens, int from, int to) {
    return Arrays.stream(tokens, from, to).filter(t -> t < specials.endOfText()).toArray();
  }

  private void addWords(
      int[] tokens,
      float[] logprobs,
      int from,
      int to,
      double start,
      double end,
      List<DecodedWord> out) {
    List<String> texts = new ArrayList<>();
    List<Float> probabilities = new ArrayList<>();
    int wordFrom = -1;
    for (int i = from; i <= to; i++) {
      boolean boundary =
          i == to || (tokens[i] < specials.endOfText() && startsWithSpace(tokens[i]));
      if (boundary && wordFrom >= 0) {
        // A run can hold inner whitespace (a newline token, say): one word per piece, since
        // captions treat a word as one unbreakable token.
        float probability = meanProbability(tokens, logprobs, wordFrom, i);
        for (String piece : WHITESPACE.split(tokenizer.decode(textTokens(tokens, wordFrom, i)))) {
          if (!piece.isEmpty()) {
            texts.add(piece);
            probabilities.add(probability);
          }
        }
        wordFrom = -1;
      }
      if (i < to && wordFrom < 0 && tokens[i] < specials.endOfText()) {
        wordFrom = i;
      }
    }
    long totalChars = texts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
    long chars = 0;
    for (int w = 0; w < texts.size(); w++) {
      String text = texts.get(w);
      double wordStart = start + (end - start) * chars / totalChars;
      chars += text.codePointCount(0, text.length());
      double wordEnd = Math.max(wordStart, start + (end - start) * chars / totalChars);
      out.add(new DecodedWord(text, wordStart, wordEnd, probabilities.get(w)));
    }
  }

  private boolean startsWithSpace(int token) {
    byte[] bytes = tokenizer.tokenBytes(token);
    return bytes.length > 0 && bytes[0] == SPACE;
  }

  private float meanProbability(int[] tokens, float[] logprobs, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (tokens[i] < specials.endOfText()) {
        sum += logprobs[i];
        n++;
      }
    }
    double p = n == 0 ? 0 : Math.exp(sum / n);
    return (float) Math.min(1.0, Math.max(0.0, p));
  }
}
