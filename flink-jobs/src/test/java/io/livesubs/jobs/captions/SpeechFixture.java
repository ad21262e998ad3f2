package io.livesubs.jobs.captions;

import java.util.ArrayList;
import java.util.List;

/** Builds plausible word timings for test text: longer words take longer, pauses at punctuation. */
final class SpeechFixture {

  private final long msPerWord;
  private final long msPerChar;
  private final long wordGapMs;
  private final long clausePauseMs;
  private final long sentencePauseMs;

  private SpeechFixture(
      long msPerWord, long msPerChar, long wordGapMs, long clausePauseMs, long sentencePauseMs) {
    this.msPerWord = msPerWord;
    this.msPerChar = msPerChar;
    this.wordGapMs = wordGapMs;
    this.clausePauseMs = clausePauseMs;
    this.sentencePauseMs = sentencePauseMs;
  }

  /** About 3 words a second for average English words, with pauses at commas and full stops. */
  static SpeechFixture conversational() {
    return new SpeechFixture(60, 50, 30, 250, 600);
  }

  /** About 6 words a second with no pauses at all (an auctioneer). */
  static SpeechFixture veryFast() {
    return new SpeechFixture(40, 22, 10, 0, 0);
  }

  /** Speaks whitespace-separated text starting at {@code startMs}. */
  List<TimedWord> speak(String text, long startMs) {
    List<TimedWord> words = new ArrayList<>();
    long t = startMs;
    for (String token : text.strip().split("\\s+")) {
      long end = t + msPerWord + msPerChar * token.length();
      words.add(new TimedWord(token, t, end));
      char last = token.charAt(token.length() - 1);
      long pause =
          ".?!".indexOf(last) >= 0 ? sentencePauseMs : ",;:".indexOf(last) >= 0 ? clausePauseMs : 0;
      t = end + wordGapMs + pause;
    }
    return words;
  }

  /** The words of all cues, in cue order. */
  static List<TimedWord> wordsOf(List<ShapedCue> cues) {
    List<TimedWord> out = new ArrayList<>();
    cues.forEach(c -> out.addAll(c.words()));
    return out;
  }
}
