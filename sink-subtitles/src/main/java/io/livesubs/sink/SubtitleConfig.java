package io.livesubs.sink;

import io.livesubs.schemas.Topics;
import io.livesubs.sink.format.HlsSegmenter;

/**
 * What the topology reads and how timelines are cut and listed: the cue topic, the HLS segment
 * duration, the playlist window, the MPEG-TS offset of media time zero and the kind of state store.
 * Immutable; build with {@link #builder()}.
 *
 * <p>The default MPEG-TS offset is 900000 (10 s on the 90 kHz clock), what Apple's segmenters and
 * many packagers give media time zero; set it to the PTS the platform's media packager gives the
 * stream start (0 when media PTS start at zero) so that players line captions up with media.
 *
 * @param inputTopic cue topic, default {@link Topics#CUES}
 * @param segmentDurationMs HLS segment target duration, default 6000
 * @param playlistWindow segments listed in a live playlist, default 10
 * @param mpegTsOffset PTS (90 kHz) of media time zero, default 900000
 * @param persistentStores RocksDB stores (default) or in-memory stores; both are changelogged
 */
public record SubtitleConfig(
    String inputTopic,
    long segmentDurationMs,
    int playlistWindow,
    long mpegTsOffset,
    boolean persistentStores) {

  /** Default segment target duration. */
  public static final long DEFAULT_SEGMENT_DURATION_MS = 6000;

  /** Default number of segments in a live playlist. */
  public static final int DEFAULT_PLAYLIST_WINDOW = 10;

  /** Default PTS of media time zero: 10 s on the 90 kHz clock. */
  public static final long DEFAULT_MPEG_TS_OFFSET = 900_000;

  /** Validates every field. */
  public SubtitleConfig {
    if (inputTopic == null || inputTopic.isBlank()) {
      throw new IllegalArgumentException("input topic is empty");
    }
    if (playlistWindow < 1) {
      throw new IllegalArgumentException(
          "playlist window must be at least 1 segment, got " + playlistWindow);
    }
    // The segmenter checks the segment duration and the offset.
    new HlsSegmenter(segmentDurationMs, mpegTsOffset);
  }

  /** Returns the configuration with every default. */
  public static SubtitleConfig defaults() {
    return builder().build();
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the segmenter for this configuration. */
  public HlsSegmenter segmenter() {
    return new HlsSegmenter(segmentDurationMs, mpegTsOffset);
  }

  /** Builder of {@link SubtitleConfig}; not thread-safe. */
  public static final class Builder {
    private String inputTopic = Topics.CUES;
    private long segmentDurationMs = DEFAULT_SEGMENT_DURATION_MS;
    private int playlistWindow = DEFAULT_PLAYLIST_WINDOW;
    private long mpegTsOffset = DEFAULT_MPEG_TS_OFFSET;
    private boolean persistentStores = true;

    private Builder() {}

    /** Sets the cue topic. */
    public Builder inputTopic(String topic) {
      this.inputTopic = topic;
      return this;
    }

    /** Sets the HLS segment target duration in ms (at least 1000). */
    public Builder segmentDurationMs(long ms) {
      this.segmentDurationMs = ms;
      return this;
    }

    /** Sets how many segments a live playlist lists (at least 1). */
    public Builder playlistWindow(int segments) {
      this.playlistWindow = segments;
      return this;
    }

    /** Sets the PTS (90 kHz ticks, in [0, 2^33)) of media time zero. */
    public Builder mpegTsOffset(long ticks) {
      this.mpegTsOffset = ticks;
      return this;
    }

    /** Chooses RocksDB (true) or in-memory (false) stores. */
    public Builder persistentStores(boolean persistent) {
      this.persistentStores = persistent;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException naming the invalid setting
     */
    public SubtitleConfig build() {
      return new SubtitleConfig(
          inputTopic, segmentDurationMs, playlistWindow, mpegTsOffset, persistentStores);
    }
  }
}
