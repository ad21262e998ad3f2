package io.livesubs.inference.asr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recognised text with its words. Immutable. {@code text} is what the engine returned (for Vosk
 * the words joined by single spaces); {@code words} may be empty when the engine gave no word
 * timing.
 *
 * @param text the hypothesis text, trimmed ("" when nothing was recognised)
 * @param words the words with media times, in time order
 */
public record Transcript(String text, List<Word> words) {
  /** Nothing recognised. */
  public static final Transcript EMPTY = new Transcript("", List.of());

  /** Validates and copies the components. */
  public Transcript {
    Objects.requireNonNull(text, "text");
    text = text.strip();
    words = List.copyOf(words);
  }

  /** Whether nothing was recognised. */
  public boolean isEmpty() {
    return text.isEmpty() && words.isEmpty();
  }

  /** This transcript followed by {@code next} (texts joined by one space). */
  public Transcript append(Transcript next) {
    if (next.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return next;
    }
    List<Word> all = new ArrayList<>(words.size() + next.words.size());
    all.addAll(words);
    all.addAll(next.words);
    String joined =
        text.isEmpty() ? next.text : next.text.isEmpty() ? text : text + " " + next.text;
    return new Transcript(joined, all);
  }
}
