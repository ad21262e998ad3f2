package io.livesubs.sink.format;

import java.util.Locale;

/**
 * Writes HLS media playlists (RFC 8216) for WebVTT subtitle segments: {@code #EXTM3U}, {@code
 * #EXT-X-VERSION:3} (decimal {@code #EXTINF} durations), {@code #EXT-X-TARGETDURATION}, {@code
 * #EXT-X-MEDIA-SEQUENCE}, one {@code #EXTINF:<seconds>,} and URI ({@code <n>.vtt}, relative to the
 * playlist) per segment, and {@code #EXT-X-ENDLIST} once the stream ended. Stateless and
 * thread-safe.
 */
public final class HlsPlaylistWriter {

  private HlsPlaylistWriter() {}

  /** Writes {@code playlist}. */
  public static String write(MediaPlaylist playlist) {
    StringBuilder out =
        new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n")
            .append("#EXT-X-TARGETDURATION:")
            .append(playlist.targetDurationSeconds())
            .append('\n')
            .append("#EXT-X-MEDIA-SEQUENCE:")
            .append(playlist.mediaSequence())
            .append('\n');
    for (MediaPlaylist.Segment segment : playlist.segments()) {
      out.append("#EXTINF:")
          .append(String.format(Locale.ROOT, "%.3f", segment.durationMs() / 1000.0))
          .append(",\n")
          .append(segmentUri(segment.index()))
          .append('\n');
    }
    if (playlist.ended()) {
      out.append("#EXT-X-ENDLIST\n");
    }
    return out.toString();
  }

  /** Returns the URI of segment {@code n}, relative to the playlist. */
  public static String segmentUri(long n) {
    return n + ".vtt";
  }
}
