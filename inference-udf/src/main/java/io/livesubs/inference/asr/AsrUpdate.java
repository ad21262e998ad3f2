package io.livesubs.inference.asr;

import java.util.Objects;

/**
 * The hypothesis of an open {@link AsrSession} after some audio. Immutable.
 *
 * <p>{@code stable} is text the engine will not revise within this session (e.g. Vosk's endpointed
 * utterances, or a Whisper engine's agreed prefix); {@code unstable} is the tentative tail, which
 * later updates may change. Either may be empty.
 *
 * @param stable the part that will not change
 * @param unstable the part that may still change
 * @param changed whether the hypothesis differs from the previous update of the session
 * @param computed whether the engine computed its hypothesis afresh during this update (a partial
 *     result, an utterance end, a decoded window), whether or not it came out the same; always true
 *     when {@code changed}. A caller that commits words on the agreement of consecutive hypotheses
 *     counts only computed ones: an unchanged recomputed hypothesis is the engine looking at more
 *     audio and saying the same, a second opinion; an update without one says nothing new
 * @param wordsAhead how many words the engine has heard past the last word of {@code unstable} that
 *     it cannot place in time yet (Vosk: words of the decoder's best path beyond the timed words of
 *     its determinized lattice), counted only where the untimed path contains the newest timed
 *     words; 0 when none or unknown. A positive count says the hypothesis' newest timed word is
 *     followed by speech, so it will not grow into what comes next
 */
public record AsrUpdate(
    Transcript stable, Transcript unstable, boolean changed, boolean computed, int wordsAhead) {
  /** Nothing recognised yet, unchanged. */
  public static final AsrUpdate NONE = new AsrUpdate(Transcript.EMPTY, Transcript.EMPTY, false);

  /** An update that computed a hypothesis only if it changed, and knows of no words ahead. */
  public AsrUpdate(Transcript stable, Transcript unstable, boolean changed) {
    this(stable, unstable, changed, changed, 0);
  }

  /** Validates the components; a changed hypothesis was computed. */
  public AsrUpdate {
    Objects.requireNonNull(stable, "stable");
    Objects.requireNonNull(unstable, "unstable");
    computed |= changed;
    if (wordsAhead < 0) {
      throw new IllegalArgumentException("wordsAhead must be >= 0, got " + wordsAhead);
    }
  }

  /** The whole current hypothesis: stable followed by unstable. */
  public Transcript hypothesis() {
    return stable.append(unstable);
  }
}
