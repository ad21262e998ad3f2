package io.livesubs.app.job;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import java.util.ArrayList;
import java.util.List;

/**
 * A phrase of a source timeline as the translation planner sees it: the final cues with text
 * between two progress markers. Immutable.
 *
 * @param cueSeqs the cue numbers of its final cues
 * @param startMs start of its first cue
 * @param endMs end of its last cue
 */
record Phrase(List<Long> cueSeqs, long startMs, long endMs) {

  /** Splits a timeline (records in emission order, markers included) into phrases. */
  static List<Phrase> split(List<SubtitleCue> timeline) {
    List<Phrase> phrases = new ArrayList<>();
    List<SubtitleCue> open = new ArrayList<>();
    for (SubtitleCue cue : timeline) {
      if (CueConventions.isProgress(cue) || CueConventions.isEndOfStream(cue)) {
        if (!open.isEmpty()) {
          phrases.add(
              new Phrase(
                  open.stream().map(SubtitleCue::getCueSeq).toList(),
                  open.get(0).getStartMs(),
                  open.get(open.size() - 1).getEndMs()));
          open.clear();
        }
      } else if (cue.getIsFinal() && !cue.getLines().isEmpty()) {
        open.add(cue);
      }
    }
    return phrases;
  }

  /** Index of the phrase holding cue {@code seq}, or -1. */
  static int indexOf(List<Phrase> phrases, long seq) {
    for (int i = 0; i < phrases.size(); i++) {
      if (phrases.get(i).cueSeqs().contains(seq)) {
        return i;
      }
    }
    return -1;
  }
}
