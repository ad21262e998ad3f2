package io.livesubs.jobs.testing;

import io.livesubs.jobs.captions.ShapedCue;
import io.livesubs.jobs.captions.TimedWord;
import io.livesubs.schemas.SubtitleCue;

/** Emitted cues seen as the caption shaper's cues, for checking them against the shaping rules. */
public final class CueShapes {

  private CueShapes() {}

  /** {@code cue}'s times, lines and words as a {@link ShapedCue}. */
  public static ShapedCue of(SubtitleCue cue) {
    return new ShapedCue(
        cue.getStartMs(),
        cue.getEndMs(),
        cue.getLines(),
        cue.getWords().stream()
            .map(w -> new TimedWord(w.getWord(), w.getStartMs(), w.getEndMs()))
            .toList());
  }
}
