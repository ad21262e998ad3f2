package io.livesubs.jobs.translation;

import io.livesubs.schemas.CueConventions;
import io.livesubs.schemas.SubtitleCue;
import java.util.List;

/** Source cues as {@code CueEmitter} writes them, for translation tests. */
final class SourceCues {

  static final long ANCHOR = 1_700_000_000_000L;

  private SourceCues() {}

  static SubtitleCue finalCue(String stream, long seq, long startMs, long endMs, String... lines) {
    return cue(stream, seq, 0, true, startMs, endMs, List.of(lines));
  }

  static SubtitleCue partial(String stream, long seq, int revision, long endMs, String line) {
    return cue(stream, seq, revision, false, 0, endMs, List.of(line));
  }

  static SubtitleCue withdrawal(String stream, long seq, int revision, long endMs) {
    return cue(stream, seq, revision, true, 0, endMs, List.of());
  }

  static SubtitleCue progress(String stream, long mediaMs) {
    return CueConventions.progress(stream, "en", mediaMs, ANCHOR + mediaMs, ANCHOR + mediaMs);
  }

  static SubtitleCue end(String stream, long mediaMs) {
    return CueConventions.endOfStream(stream, "en", mediaMs, ANCHOR + mediaMs, ANCHOR + mediaMs);
  }

  private static SubtitleCue cue(
      String stream,
      long seq,
      int revision,
      boolean isFinal,
      long startMs,
      long endMs,
      List<String> lines) {
    return SubtitleCue.newBuilder()
        .setStreamId(stream)
        .setLanguage("en")
        .setCueSeq(seq)
        .setRevision(revision)
        .setIsFinal(isFinal)
        .setStartMs(startMs)
        .setEndMs(endMs)
        .setLines(lines)
        .setWords(List.of())
        .setSourceCue(null)
        .setEngine("vosk:test")
        .setCaptureTimeMs(ANCHOR + endMs)
        .setEmittedAtMs(ANCHOR + endMs)
        .build();
  }
}
