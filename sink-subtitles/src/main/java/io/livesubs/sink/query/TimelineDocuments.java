package io.livesubs.sink.query;

import io.livesubs.sink.SubtitleConfig;
import io.livesubs.sink.format.Cue;
import io.livesubs.sink.format.HlsPlaylistWriter;
import io.livesubs.sink.format.HlsSegmenter;
import io.livesubs.sink.format.SrtWriter;
import io.livesubs.sink.format.WebVttWriter;
import io.livesubs.sink.topology.StoredCue;
import io.livesubs.sink.topology.TimelineState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Renders a timeline's subtitle documents from the stores at request time, so they are always
 * consistent with the stores: the whole timeline as WebVTT or SubRip, the HLS media playlist and
 * its segments. Documents hold final cues only — partial text reaches players through live push —
 * ordered by start time. Thread-safe.
 */
public final class TimelineDocuments {

  private final TimelineQueries queries;
  private final HlsSegmenter segmenter;
  private final int playlistWindow;

  /** Renders from {@code queries} with the segmenting settings of {@code cfg}. */
  public TimelineDocuments(TimelineQueries queries, SubtitleConfig cfg) {
    this.queries = queries;
    this.segmenter = cfg.segmenter();
    this.playlistWindow = cfg.playlistWindow();
  }

  /** The whole timeline so far as WebVTT; empty when the timeline is unknown. */
  public Optional<String> webVtt(String streamId, String language) {
    return queries
        .timeline(streamId, language)
        .map(state -> WebVttWriter.document(finalCues(streamId, language)));
  }

  /** The whole timeline so far as SubRip; empty when the timeline is unknown. */
  public Optional<String> srt(String streamId, String language) {
    return queries
        .timeline(streamId, language)
        .map(state -> SrtWriter.document(finalCues(streamId, language)));
  }

  /** The live HLS media playlist; empty when the timeline is unknown. */
  public Optional<String> playlist(String streamId, String language) {
    return queries
        .timeline(streamId, language)
        .map(
            state ->
                HlsPlaylistWriter.write(
                    segmenter.playlist(
                        state.finalisedMs(), state.ended(), state.endMs(), playlistWindow)));
  }

  /** Renders segment {@code n}; says why not when it cannot. */
  public Segment segment(String streamId, String language, long n) {
    Optional<TimelineState> state = queries.timeline(streamId, language);
    if (state.isEmpty()) {
      return new Segment(SegmentStatus.UNKNOWN_TIMELINE, null, 0);
    }
    long published =
        segmenter.publishedSegments(
            state.get().finalisedMs(), state.get().ended(), state.get().endMs());
    if (n < 0 || n >= published) {
      return new Segment(SegmentStatus.NOT_PUBLISHED, null, published);
    }
    String body =
        WebVttWriter.segment(segmenter.mpegTs(n), segmenter.cut(n, finalCues(streamId, language)));
    return new Segment(SegmentStatus.OK, body, published);
  }

  private List<Cue> finalCues(String streamId, String language) {
    return queries.cues(streamId, language).stream()
        .filter(StoredCue::finalCue)
        .map(StoredCue::toCue)
        .sorted(Comparator.comparingLong(Cue::startMs).thenComparingLong(Cue::endMs))
        .toList();
  }

  /** Outcome of a segment request. */
  public enum SegmentStatus {
    OK,
    UNKNOWN_TIMELINE,
    NOT_PUBLISHED
  }

  /**
   * A rendered segment or the reason there is none.
   *
   * @param status outcome
   * @param body the WebVTT segment when {@code status} is OK
   * @param publishedSegments how many segments are published (0 … n-1)
   */
  public record Segment(SegmentStatus status, String body, long publishedSegments) {}
}
