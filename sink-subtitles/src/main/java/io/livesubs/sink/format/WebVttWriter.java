package io.livesubs.sink.format;

import java.util.List;

/**
 * Writes WebVTT documents: whole timelines and HLS segments (with {@code X-TIMESTAMP-MAP}). Text is
 * escaped ({@code &}, {@code <}, {@code >} become character references, which also rules out {@code
 * -->} inside text); blank lines, which would end a cue early, are dropped, and cues without text
 * are left out. Cues are written in the order given. Stateless and thread-safe.
 */
public final class WebVttWriter {

  private WebVttWriter() {}

  /** Writes a complete WebVTT document holding {@code cues}. */
  public static String document(List<Cue> cues) {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    cues.forEach(cue -> appendCue(out, cue));
    return out.toString();
  }

  /**
   * Writes an HLS WebVTT segment. Cue times are local to the file; {@code LOCAL:00:00:00.000}
   * corresponds to {@code mpegTs} on the 90 kHz clock of the media.
   *
   * @param mpegTs presentation timestamp of local time zero, in [0, 2^33)
   */
  public static String segment(long mpegTs, List<Cue> cues) {
    if (mpegTs < 0 || mpegTs >= HlsSegmenter.MPEG_TS_MODULUS) {
      throw new IllegalArgumentException("MPEG-TS timestamp out of range [0, 2^33): " + mpegTs);
    }
    StringBuilder out =
        new StringBuilder("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:")
            .append(mpegTs)
            .append(",LOCAL:00:00:00.000\n\n");
    cues.forEach(cue -> appendCue(out, cue));
    return out.toString();
  }

  /** Escapes the characters WebVTT cue text reserves. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void appendCue(StringBuilder out, Cue cue) {
    List<String> lines = cue.displayLines();
    if (lines.isEmpty()) {
      return;
    }
    out.append(cue.id())
        .append('\n')
        .append(Timestamps.webVtt(cue.startMs()))
        .append(" --> ")
        .append(Timestamps.webVtt(cue.endMs()))
        .append('\n');
    lines.forEach(line -> out.append(escape(line)).append('\n'));
    out.append('\n');
  }
}
