package io.livesubs.sink.topology;

import io.livesubs.schemas.SubtitleCue;
import io.livesubs.sink.cue.CueVersion;
import io.livesubs.sink.format.Cue;
import java.util.List;

/**
 * The current version of one cue as kept in the cues store (JSON in the store and its changelog).
 * {@code changeSeq} is the timeline's change number at which this version was stored; it is the
 * Server-Sent-Events id. Immutable.
 *
 * @param cueSeq cue number within the timeline, {@code >= 0}
 * @param revision revision of this version
 * @param finalCue whether this version is final
 * @param startMs start in media time
 * @param endMs end in media time
 * @param lines display lines
 * @param engine engine that made the text
 * @param captureTimeMs capture wall-clock time of the audio at {@code endMs}
 * @param emittedAtMs wall-clock time the producer emitted this version
 * @param changeSeq change number of the timeline when this version was stored
 */
public record StoredCue(
    long cueSeq,
    int revision,
    boolean finalCue,
    long startMs,
    long endMs,
    List<String> lines,
    String engine,
    long captureTimeMs,
    long emittedAtMs,
    long changeSeq) {

  /** Copies {@code lines}. */
  public StoredCue {
    lines = List.copyOf(lines);
  }

  /** Converts the Avro cue, stamping it with {@code changeSeq}. */
  public static StoredCue of(SubtitleCue cue, long changeSeq) {
    return new StoredCue(
        cue.getCueSeq(),
        cue.getRevision(),
        cue.getIsFinal(),
        cue.getStartMs(),
        cue.getEndMs(),
        cue.getLines().stream().map(CharSequence::toString).toList(),
        cue.getEngine().toString(),
        cue.getCaptureTimeMs(),
        cue.getEmittedAtMs(),
        changeSeq);
  }

  /** Returns the version used to collapse revisions. */
  public CueVersion version() {
    return new CueVersion(finalCue, revision);
  }

  /** Returns the cue for the subtitle writers; its id is the cue number. */
  public Cue toCue() {
    return new Cue(Long.toString(cueSeq), startMs, endMs, lines);
  }
}
