package io.livesubs.jobs.cues;

import io.livesubs.jobs.captions.CueShaper;
import io.livesubs.jobs.captions.PhraseContext;
import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.TimedWord;
import java.util.List;

/**
 * Decides which leading cues of an open segment's hypothesis may be final now (LocalAgreement-2):
 * the words on which the last two partial hypotheses agree (same text, start and end within {@link
 * CommitSettings#toleranceMs()}), except the hypothesis' last word until the engine has heard a
 * word after it or it has settled ({@link CommitSettings#settleMs()}), are shaped by {@link
 * CueShaper}; every cue but the last is complete (the shaper cut after it for a reason the later
 * words cannot undo), and the last one too when a pause of at least {@link
 * CommitSettings#pauseMs()} follows the agreed words or it is filled to {@link
 * CommitSettings#fillPercent()} of a cue's capacity. Fewer than {@link CommitSettings#minWords()}
 * words are never committed.
 *
 * <p>Words are "committed" by time ({@link CommittedRegion}): the caller hands this class only the
 * words after the committed region. Stateless, immutable and thread-safe.
 */
final class PrefixCommitter {

  private final CueShaper shaper;
  private final CommitSettings settings;

  PrefixCommitter(CueShaper shaper, CommitSettings settings) {
    this.shaper = shaper;
    this.settings = settings;
  }

  /** Number of leading words on which {@code a} and {@code b} agree. */
  int agreement(List<TimedWord> a, List<TimedWord> b) {
    int n = 0;
    while (n < a.size() && n < b.size() && same(a.get(n), b.get(n))) {
      n++;
    }
    return n;
  }

  /**
   * The cues to make final now, possibly none.
   *
   * @param previous uncommitted words of the previous hypothesis
   * @param current uncommitted words of the current hypothesis, the objects the cues will show
   * @param recognisedEndMs media time up to which the current hypothesis has heard the audio
   * @param wordsAhead words the engine has heard after the current hypothesis' last word without
   *     timing them yet
   * @param context the previous final cue's end, if any
   */
  List<ShapedCue> commit(
      List<TimedWord> previous,
      List<TimedWord> current,
      long recognisedEndMs,
      int wordsAhead,
      PhraseContext context) {
    int agreed = agreement(previous, current);
    // The hypothesis' last word may still grow or change when the rest of it arrives, even if two
    // looks agreed on it: it waits for a word after it (timed, or heard ahead), or until it has
    // settled.
    if (agreed > 0
        && agreed == current.size()
        && wordsAhead == 0
        && !settled(current.get(agreed - 1), recognisedEndMs)) {
      agreed--;
    }
    if (agreed < settings.minWords()) {
      return List.of();
    }
    List<TimedWord> prefix = current.subList(0, agreed);
    TimedWord next = agreed < current.size() ? current.get(agreed) : null;
    PhraseContext around = next == null ? context : context.withNextSpeechStart(next.startMs());
    List<ShapedCue> cues = shaper.shape(prefix, around);
    // With nothing heard after the prefix yet, nothing says whether a pause follows it.
    boolean pause =
        next != null && next.startMs() - prefix.get(agreed - 1).endMs() >= settings.pauseMs();
    boolean full = isFull(cues.get(cues.size() - 1));
    List<ShapedCue> complete = pause || full ? cues : cues.subList(0, cues.size() - 1);
    int words = complete.stream().mapToInt(c -> c.words().size()).sum();
    return words < settings.minWords() ? List.of() : complete;
  }

  private boolean settled(TimedWord last, long recognisedEndMs) {
    return settings.settleMs() > 0 && recognisedEndMs - last.endMs() >= settings.settleMs();
  }

  private boolean isFull(ShapedCue cue) {
    int capacity = shaper.rules().maxLines() * shaper.rules().maxCharsPerLine();
    return settings.fillPercent() > 0
        && cue.charCount() * 100L >= (long) capacity * settings.fillPercent();
  }

  private boolean same(TimedWord x, TimedWord y) {
    return x.text().equals(y.text())
        && Math.abs(x.startMs() - y.startMs()) <= settings.toleranceMs()
        && Math.abs(x.endMs() - y.endMs()) <= settings.toleranceMs();
  }
}
