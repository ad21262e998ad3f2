package io.livesubs.jobs.captions;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What caption shaping knows about the neighbours of a phrase: where the previous cue on screen
 * ends (so the first new cue starts at least one minimum gap later) and where the next speech
 * starts (so the last new cue does not extend into it). Either may be unknown.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return new instances.
 */
public final class PhraseContext {

  private static final long NO_PREVIOUS = Long.MIN_VALUE;
  private static final long NO_NEXT = Long.MAX_VALUE;
  private static final PhraseContext NONE = new PhraseContext(NO_PREVIOUS, NO_NEXT);

  private final long previousCueEndMs;
  private final long nextSpeechStartMs;

  private PhraseContext(long previousCueEndMs, long nextSpeechStartMs) {
    this.previousCueEndMs = previousCueEndMs;
    this.nextSpeechStartMs = nextSpeechStartMs;
  }

  /** Nothing known about the neighbours. */
  public static PhraseContext none() {
    return NONE;
  }

  /** This context, knowing that the previous cue on screen ends at {@code endMs} (media time). */
  public PhraseContext withPreviousCueEnd(long endMs) {
    if (endMs < 0) {
      throw new IllegalArgumentException("previous cue end must be >= 0 ms, got " + endMs);
    }
    return new PhraseContext(endMs, nextSpeechStartMs);
  }

  /** This context, knowing that the next speech starts at {@code startMs} (media time). */
  public PhraseContext withNextSpeechStart(long startMs) {
    if (startMs < 0) {
      throw new IllegalArgumentException("next speech start must be >= 0 ms, got " + startMs);
    }
    return new PhraseContext(previousCueEndMs, startMs);
  }

  /** End of the previous cue, when known. */
  public OptionalLong previousCueEndMs() {
    return previousCueEndMs == NO_PREVIOUS
        ? OptionalLong.empty()
        : OptionalLong.of(previousCueEndMs);
  }

  /** Start of the next speech, when known. */
  public OptionalLong nextSpeechStartMs() {
    return nextSpeechStartMs == NO_NEXT ? OptionalLong.empty() : OptionalLong.of(nextSpeechStartMs);
  }

  /** The earliest a new cue may start, or {@link Long#MIN_VALUE} when unconstrained. */
  long earliestStartMs(long minGapMs) {
    return previousCueEndMs == NO_PREVIOUS
        ? Long.MIN_VALUE
        : MediaTimes.add(previousCueEndMs, minGapMs);
  }

  /** The latest the last new cue may end, or {@link Long#MAX_VALUE} when unconstrained. */
  long latestEndMs(long minGapMs) {
    return nextSpeechStartMs == NO_NEXT ? Long.MAX_VALUE : nextSpeechStartMs - minGapMs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhraseContext other
        && previousCueEndMs == other.previousCueEndMs
        && nextSpeechStartMs == other.nextSpeechStartMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(previousCueEndMs, nextSpeechStartMs);
  }

  @Override
  public String toString() {
    return "PhraseContext[previousCueEndMs="
        + previousCueEndMs()
        + ", nextSpeechStartMs="
        + nextSpeechStartMs()
        + "]";
  }
}
