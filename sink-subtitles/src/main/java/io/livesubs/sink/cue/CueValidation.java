package io.livesubs.sink.cue;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.StreamIds;
import io.livesubs.schemas.SubtitleCue;
import java.util.Objects;

/**
 * Checks a cue record before it is applied to a timeline. Records that fail are dropped with a
 * logged reason; they never stop the service. Stateless and thread-safe.
 */
public final class CueValidation {

  /** Most display lines a cue may carry. */
  public static final int MAX_LINES = 16;

  /** Most characters of text a cue may carry, all lines together. */
  public static final int MAX_TEXT_CHARS = 4096;

  private CueValidation() {}

  /**
   * Returns what is wrong with a record, or {@code null} when it can be applied.
   *
   * @param key the record key, which must equal the cue's stream id (the partitioning and the
   *     interactive-query routing rely on it)
   */
  public static String problem(String key, SubtitleCue cue) {
    String streamId = cue.getStreamId().toString();
    String language = cue.getLanguage().toString();
    if (!StreamIds.isValid(streamId)) {
      return "invalid stream id '" + streamId + "'";
    }
    if (!Objects.equals(key, streamId)) {
      return "record key '" + key + "' differs from the cue's stream id '" + streamId + "'";
    }
    if (!Languages.isValid(language)) {
      return "invalid language '" + language + "'";
    }
    if (cue.getStartMs() < 0 || cue.getEndMs() < cue.getStartMs()) {
      return "invalid media times: start "
          + cue.getStartMs()
          + " ms, end "
          + cue.getEndMs()
          + " ms";
    }
    if (cue.getRevision() < 0) {
      return "negative revision " + cue.getRevision();
    }
    if (CueConventions.isMarker(cue)) {
      if (!CueConventions.isEndOfStream(cue) && !CueConventions.isProgress(cue)) {
        return "unknown marker cueSeq " + cue.getCueSeq();
      }
      if (!cue.getIsFinal()) {
        return "marker cue (cueSeq " + cue.getCueSeq() + ") must be final";
      }
      return null;
    }
    if (cue.getLines().size() > MAX_LINES) {
      return cue.getLines().size() + " lines, at most " + MAX_LINES + " allowed";
    }
    int chars = cue.getLines().stream().mapToInt(CharSequence::length).sum();
    if (chars > MAX_TEXT_CHARS) {
      return chars + " characters of text, at most " + MAX_TEXT_CHARS + " allowed";
    }
    return null;
  }
}
