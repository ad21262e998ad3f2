package io.livesubs.schemas;

import java.util.List;

/**
 * Conventions on {@code livesubs.cues} beyond the Avro schema: in-band <em>marker cues</em> that
 * carry stream progress instead of text.
 *
 * <p>A marker is a {@link SubtitleCue} with a <b>negative {@code cueSeq}</b> (real cues number 0,
 * 1, 2, …, so markers can never collide with a cue identity), {@code isFinal = true} and empty
 * {@code lines}. Markers apply to one (streamId, language) timeline; a producer with several
 * languages emits one marker per language.
 *
 * <ul>
 *   <li>{@link #END_OF_STREAM_CUE_SEQ} ({@code -1}): the timeline has ended. {@code endMs} is the
 *       media duration of the stream (ms since stream start). Nothing is expected after it; the HLS
 *       playlist gets {@code #EXT-X-ENDLIST} and its last, possibly shorter, segment.
 *   <li>{@link #PROGRESS_CUE_SEQ} ({@code -2}): a media-time watermark: every cue that starts
 *       before {@code endMs} has been emitted final. It lets live playlists advance through
 *       silence, when no cues are produced.
 * </ul>
 *
 * <p>{@code engine} of a marker is {@link #END_OF_STREAM_ENGINE} or {@link #PROGRESS_ENGINE} for
 * readability in tools; consumers recognise markers by {@code cueSeq} alone. Stateless and
 * thread-safe.
 */
public final class CueConventions {

  /** {@code cueSeq} of the end-of-stream marker. */
  public static final long END_OF_STREAM_CUE_SEQ = -1L;

  /** {@code cueSeq} of the progress (media-time watermark) marker. */
  public static final long PROGRESS_CUE_SEQ = -2L;

  /** {@code engine} value producers put on end-of-stream markers. */
  public static final String END_OF_STREAM_ENGINE = "livesubs:end-of-stream";

  /** {@code engine} value producers put on progress markers. */
  public static final String PROGRESS_ENGINE = "livesubs:progress";

  private CueConventions() {}

  /** Returns whether {@code cue} is a marker (negative {@code cueSeq}) rather than text. */
  public static boolean isMarker(SubtitleCue cue) {
    return cue.getCueSeq() < 0;
  }

  /** Returns whether {@code cue} is the end-of-stream marker of its timeline. */
  public static boolean isEndOfStream(SubtitleCue cue) {
    return cue.getCueSeq() == END_OF_STREAM_CUE_SEQ;
  }

  /** Returns whether {@code cue} is a progress marker. */
  public static boolean isProgress(SubtitleCue cue) {
    return cue.getCueSeq() == PROGRESS_CUE_SEQ;
  }

  /**
   * Builds an end-of-stream marker.
   *
   * @param mediaEndMs media duration of the stream in ms (the end of the last segment)
   * @param wallClockMs wall-clock time of emission, used for {@code captureTimeMs} and {@code
   *     emittedAtMs}
   */
  public static SubtitleCue endOfStream(
      String streamId, String language, long mediaEndMs, long wallClockMs) {
    return endOfStream(streamId, language, mediaEndMs, wallClockMs, wallClockMs);
  }

  /**
   * Builds an end-of-stream marker whose capture time is known (a producer that derives it from the
   * audio keeps the marker reproducible apart from {@code emittedAtMs}).
   *
   * @param mediaEndMs media duration of the stream in ms (the end of the last segment)
   * @param captureTimeMs capture wall-clock time of the audio at {@code mediaEndMs}
   * @param emittedAtMs wall-clock time of emission
   */
  public static SubtitleCue endOfStream(
      String streamId, String language, long mediaEndMs, long captureTimeMs, long emittedAtMs) {
    return marker(
        streamId,
        language,
        END_OF_STREAM_CUE_SEQ,
        END_OF_STREAM_ENGINE,
        mediaEndMs,
        captureTimeMs,
        emittedAtMs);
  }

  /** Builds a progress marker: all cues starting before {@code mediaMs} have been emitted final. */
  public static SubtitleCue progress(
      String streamId, String language, long mediaMs, long wallClockMs) {
    return progress(streamId, language, mediaMs, wallClockMs, wallClockMs);
  }

  /**
   * Builds a progress marker with a known capture time: all cues starting before {@code mediaMs}
   * have been emitted final.
   *
   * @param captureTimeMs capture wall-clock time of the audio at {@code mediaMs}
   * @param emittedAtMs wall-clock time of emission
   */
  public static SubtitleCue progress(
      String streamId, String language, long mediaMs, long captureTimeMs, long emittedAtMs) {
    return marker(
        streamId, language, PROGRESS_CUE_SEQ, PROGRESS_ENGINE, mediaMs, captureTimeMs, emittedAtMs);
  }

  private static SubtitleCue marker(
      String streamId,
      String language,
      long cueSeq,
      String engine,
      long mediaMs,
      long captureMs,
      long emittedMs) {
    if (mediaMs < 0) {
      throw new IllegalArgumentException("marker media time must be >= 0, got " + mediaMs);
    }
    return SubtitleCue.newBuilder()
        .setStreamId(streamId)
        .setLanguage(language)
        .setCueSeq(cueSeq)
        .setRevision(0)
        .setIsFinal(true)
        .setStartMs(mediaMs)
        .setEndMs(mediaMs)
        .setLines(List.of())
        .setWords(List.of())
        .setSourceCue(null)
        .setEngine(engine)
        .setCaptureTimeMs(captureMs)
        .setEmittedAtMs(emittedMs)
        .build();
  }
}
