package io.livesubs.app.demo;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import java.util.List;

/**
 * One revision of a subtitle cue as the demo received it, with Avro's character sequences turned
 * into strings. Immutable.
 *
 * @param stream stream id
 * @param language BCP-47 language of the text
 * @param seq cue number within (stream, language); negative for markers ({@link CueConventions})
 * @param revision revision of the cue, 0 first
 * @param isFinal whether the cue will not change again
 * @param startMs start in media time (ms since stream start)
 * @param endMs end in media time
 * @param lines display lines; none on a withdrawn final cue and on markers
 * @param emittedAtMs wall-clock time the job emitted this revision
 * @param captureTimeMs capture wall-clock time of the audio at {@code endMs}
 * @param words the recognised words shown, with their media times, where the job gives them
 */
public record CueRevision(
    String stream,
    String language,
    long seq,
    int revision,
    boolean isFinal,
    long startMs,
    long endMs,
    List<String> lines,
    long emittedAtMs,
    long captureTimeMs,
    List<Word> words) {

  /** Copies the lists. */
  public CueRevision {
    lines = List.copyOf(lines);
    words = List.copyOf(words);
  }

  /** A revision without word times. */
  public CueRevision(
      String stream,
      String language,
      long seq,
      int revision,
      boolean isFinal,
      long startMs,
      long endMs,
      List<String> lines,
      long emittedAtMs,
      long captureTimeMs) {
    this(
        stream,
        language,
        seq,
        revision,
        isFinal,
        startMs,
        endMs,
        lines,
        emittedAtMs,
        captureTimeMs,
        List.of());
  }

  /** The revision carried by {@code cue}. */
  public static CueRevision of(SubtitleCue cue) {
    return new CueRevision(
        cue.getStreamId().toString(),
        cue.getLanguage().toString(),
        cue.getCueSeq(),
        cue.getRevision(),
        cue.getIsFinal(),
        cue.getStartMs(),
        cue.getEndMs(),
        cue.getLines().stream().map(CharSequence::toString).toList(),
        cue.getEmittedAtMs(),
        cue.getCaptureTimeMs(),
        cue.getWords().stream()
            .map(w -> new Word(w.getWord().toString(), w.getStartMs(), w.getEndMs()))
            .toList());
  }

  /** The timeline this revision belongs to. */
  public TimelineKey timeline() {
    return new TimelineKey(stream, language);
  }

  /** Whether this is a marker rather than text (negative cue seq). */
  public boolean isMarker() {
    return seq < 0;
  }

  /** Whether this is the end-of-stream marker of its timeline. */
  public boolean isEndOfStream() {
    return seq == CueConventions.END_OF_STREAM_CUE_SEQ;
  }

  /** Whether this final revision withdraws the cue: final, but without text. */
  public boolean isWithdrawn() {
    return isFinal && text().isEmpty();
  }

  /** The text on one line: the display lines joined by spaces. */
  public String text() {
    return String.join(" ", lines).strip();
  }

  /** Latency of this revision: emission time minus capture time of the audio at its end. */
  public long latencyMs() {
    return emittedAtMs - captureTimeMs;
  }

  /** A recognised word and its media times. */
  public record Word(String text, long startMs, long endMs) {}

  /** A (stream, language) timeline. */
  public record TimelineKey(String stream, String language) {}
}
