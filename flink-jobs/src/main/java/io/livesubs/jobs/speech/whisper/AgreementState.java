package io.livesubs.jobs.speech.whisper;

import io.livesubs.inference.asr.Word;
import io.livesubs.inference.asr.whisper.streaming.LocalAgreement;
import io.livesubs.jobs.speech.RecognizedWord;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link SegmentAgreement} keeps in keyed state about a stream's open segment part: the
 * LocalAgreement-2 state (committed words and the unstable tail) and the text of the last PARTIAL.
 * Public only because Flink serializes it as a POJO (Java record). Immutable; arrays never
 * modified.
 *
 * @param startMs media time of the part's start
 * @param committed committed words, in order
 * @param tail the unstable tail of the latest hypothesis
 * @param lastPartialText text of the last PARTIAL emitted ("" before any)
 */
public record AgreementState(
    long startMs, RecognizedWord[] committed, RecognizedWord[] tail, String lastPartialText) {

  /** A part starting at {@code startMs} with nothing heard yet. */
  static AgreementState fresh(long startMs) {
    return new AgreementState(startMs, new RecognizedWord[0], new RecognizedWord[0], "");
  }

  /** The agreement in this state. */
  LocalAgreement agreement() {
    return LocalAgreement.restore(startMs, words(committed), words(tail));
  }

  /** The state of {@code agreement}, with the last partial text {@code text}. */
  AgreementState with(LocalAgreement agreement, String text) {
    return new AgreementState(
        startMs, recognized(agreement.committed()), recognized(agreement.tail()), text);
  }

  /** Committed words followed by the tail: the current hypothesis of the part. */
  RecognizedWord[] hypothesis() {
    RecognizedWord[] all = Arrays.copyOf(committed, committed.length + tail.length);
    System.arraycopy(tail, 0, all, committed.length, tail.length);
    return all;
  }

  static List<Word> words(RecognizedWord[] words) {
    return Arrays.stream(words)
        .map(w -> new Word(w.text(), w.startMs(), w.endMs(), w.confidence()))
        .toList();
  }

  static RecognizedWord[] recognized(List<Word> words) {
    return words.stream().map(RecognizedWord::of).toArray(RecognizedWord[]::new);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgreementState s
        && startMs == s.startMs
        && lastPartialText.equals(s.lastPartialText)
        && Arrays.equals(committed, s.committed)
        && Arrays.equals(tail, s.tail);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(startMs) + 31 * Arrays.hashCode(committed) + 17 * Arrays.hashCode(tail);
  }
}
