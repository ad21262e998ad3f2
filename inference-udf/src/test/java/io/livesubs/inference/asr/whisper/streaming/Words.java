package io.livesubs.inference.asr.whisper.streaming;

import io.livesubs.inference.asr.Word;
import java.util.ArrayList;
import java.util.List;

/** Builds word sequences for the streaming tests: "text@startMs-endMs" items. */
final class Words {
  private Words() {}

  /** Parses items like {@code "hello@0-400"}. */
  static List<Word> of(String... items) {
    List<Word> out = new ArrayList<>();
    for (String item : items) {
      String[] parts = item.split("@");
      String[] span = parts[1].split("-");
      out.add(new Word(parts[0], Long.parseLong(span[0]), Long.parseLong(span[1]), 0.9f));
    }
    return out;
  }

  /** Evenly timed words from {@code startMs}, {@code msPerWord} each. */
  static List<Word> timed(long startMs, long msPerWord, String text) {
    List<Word> out = new ArrayList<>();
    long t = startMs;
    for (String w : text.split(" ")) {
      out.add(new Word(w, t, t + msPerWord, 0.9f));
      t += msPerWord;
    }
    return out;
  }

  static List<String> texts(List<Word> words) {
    return words.stream().map(Word::text).toList();
  }
}
