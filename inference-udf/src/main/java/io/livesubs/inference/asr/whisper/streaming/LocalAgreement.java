package io.livesubs.inference.asr.whisper.streaming;

import io.livesubs.inference.asr.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * LocalAgreement-2, the commit rule of whisper_streaming (Macháček et al., 2023): the growing audio
 * of a segment is decoded again and again, and the words on which two consecutive hypotheses agree,
 * from the last committed word on, are committed; the rest of the latest hypothesis is the unstable
 * tail.
 *
 * <p>Each hypothesis is first aligned with what is committed: words starting before the committed
 * end (less a 100 ms tolerance) are dropped, and when the hypothesis resumes within a second of the
 * committed end, a leading run of 1 to 5 words equal to the last committed words is dropped as well
 * (the decoder re-transcribing audio it already committed). Words are compared by their exact text.
 *
 * <p>Times are media milliseconds. Mutable; owned by one session (not thread-safe).
 */
public final class LocalAgreement {
  private static final long START_TOLERANCE_MS = 100;
  private static final long OVERLAP_WINDOW_MS = 1000;
  private static final int MAX_OVERLAP_WORDS = 5;

  private final List<Word> committed = new ArrayList<>();
  private List<Word> tail = List.of();
  private long committedEndMs;

  /**
   * @param startMs media time of the segment start (nothing before it can be committed)
   */
  public LocalAgreement(long startMs) {
    this.committedEndMs = startMs;
  }

  /**
   * An agreement in the state given by its parts, as a caller that keeps them elsewhere (Flink
   * keyed state) saved them from {@link #committed()} and {@link #tail()}: it behaves exactly as
   * the agreement they were taken from.
   *
   * @param startMs media time of the segment start
   * @param committed the committed words, in order
   * @param tail the unstable tail of the latest hypothesis
   */
  public static LocalAgreement restore(long startMs, List<Word> committed, List<Word> tail) {
    LocalAgreement agreement = new LocalAgreement(startMs);
    agreement.commit(committed);
    agreement.tail = List.copyOf(tail);
    return agreement;
  }

  /** The result of one hypothesis: words committed by it and the new unstable tail. */
  public record Step(List<Word> newlyCommitted, List<Word> tail) {
    /** Copies the components. */
    public Step {
      newlyCommitted = List.copyOf(newlyCommitted);
      tail = List.copyOf(tail);
    }
  }

  /** Takes the next hypothesis of the buffer (words in time order). */
  public Step insert(List<Word> hypothesis) {
    List<Word> fresh = align(hypothesis);
    int agreed = 0;
    while (agreed < fresh.size()
        && agreed < tail.size()
        && fresh.get(agreed).text().equals(tail.get(agreed).text())) {
      agreed++;
    }
    List<Word> newly = fresh.subList(0, agreed);
    commit(newly);
    tail = List.copyOf(fresh.subList(agreed, fresh.size()));
    return new Step(newly, tail);
  }

  /**
   * Commits the current tail as it is, without agreement (used when the buffer must be cut).
   *
   * @return the words committed
   */
  public List<Word> commitTail() {
    List<Word> words = tail;
    commit(words);
    tail = List.of();
    return words;
  }

  /**
   * Ends the segment with a last hypothesis over the remaining audio, all of which is committed
   * once aligned.
   *
   * @return the words committed by this call
   */
  public List<Word> finish(List<Word> finalHypothesis) {
    List<Word> fresh = align(finalHypothesis);
    commit(fresh);
    tail = List.of();
    return fresh;
  }

  /** Everything committed so far, in order. */
  public List<Word> committed() {
    return List.copyOf(committed);
  }

  /** The unstable tail of the latest hypothesis. */
  public List<Word> tail() {
    return tail;
  }

  /** End of the last committed word (the segment start while nothing is committed). */
  public long committedEndMs() {
    return committedEndMs;
  }

  private List<Word> align(List<Word> hypothesis) {
    List<Word> fresh = new ArrayList<>();
    for (Word w : hypothesis) {
      if (w.startMs() > committedEndMs - START_TOLERANCE_MS) {
        fresh.add(w);
      }
    }
    if (fresh.isEmpty()
        || committed.isEmpty()
        || Math.abs(fresh.get(0).startMs() - committedEndMs) >= OVERLAP_WINDOW_MS) {
      return fresh;
    }
    int max = Math.min(MAX_OVERLAP_WORDS, Math.min(committed.size(), fresh.size()));
    for (int n = 1; n <= max; n++) {
      if (sameTexts(
          committed.subList(committed.size() - n, committed.size()), fresh.subList(0, n))) {
        return new ArrayList<>(fresh.subList(n, fresh.size()));
      }
    }
    return fresh;
  }

  private static boolean sameTexts(List<Word> a, List<Word> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).text().equals(b.get(i).text())) {
        return false;
      }
    }
    return true;
  }

  private void commit(List<Word> words) {
    for (Word w : words) {
      committed.add(w);
      committedEndMs = Math.max(committedEndMs, w.endMs());
    }
  }
}
