package io.livesubs.sink.testing;

import io.livesubs.schemas.SubtitleCue;
import java.util.List;

/** Builds {@link SubtitleCue} records for tests. */
public final class Cues {

  private Cues() {}

  /** A cue of stream {@code s1} in English. */
  public static SubtitleCue cue(
      long cueSeq, int revision, boolean isFinal, long startMs, long endMs, String... lines) {
    return cue("s1", "en", cueSeq, revision, isFinal, startMs, endMs, lines);
  }

  /** A cue with every identity field given. */
  public static SubtitleCue cue(
      String streamId,
      String language,
      long cueSeq,
      int revision,
      boolean isFinal,
      long startMs,
      long endMs,
      String... lines) {
    return SubtitleCue.newBuilder()
        .setStreamId(streamId)
        .setLanguage(language)
        .setCueSeq(cueSeq)
        .setRevision(revision)
        .setIsFinal(isFinal)
        .setStartMs(startMs)
        .setEndMs(endMs)
        .setLines(List.of(lines))
        .setWords(List.of())
        .setSourceCue(null)
        .setEngine("test")
        .setCaptureTimeMs(1_700_000_000_000L + endMs)
        .setEmittedAtMs(1_700_000_000_000L + endMs + 300)
        .build();
  }
}
