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
 * @param confirmed whether, during this update, the engine looked at the audio again (one partial
 *     interval later) and found the same non-empty hypothesis, words and times, for the first time
 *     since it last changed. A caller committing words on the agreement of two consecutive
 *     hypotheses can take this as the second one without waiting for the hypothesis to change;
 *     further repeats of the same hypothesis are not flagged. Engines that do not recompute
 *     hypotheses this way never set it
 */
public record AsrUpdate(
    Transcript stable, Transcript unstable, boolean changed, boolean confirmed) {
  /** Nothing recognised yet, unchanged. */
  public static final AsrUpdate NONE = new AsrUpdate(Transcript.EMPTY, Transcript.EMPTY, false);

  /** An update that confirms nothing. */
  public AsrUpdate(Transcript stable, Transcript unstable, boolean changed) {
    this(stable, unstable, changed, false);
  }

  /** Validates the components. */
  public AsrUpdate {
    Objects.requireNonNull(stable, "stable");
    Objects.requireNonNull(unstable, "unstable");
  }

  /** The whole current hypothesis: stable followed by unstable. */
  public Transcript hypothesis() {
    return stable.append(unstable);
  }
}
