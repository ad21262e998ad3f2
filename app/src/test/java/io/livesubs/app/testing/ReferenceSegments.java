package io.livesubs.app.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reference of a long-form recording: {@code <name>.segments.tsv} with columns {@code start_s,
 * end_s, ..., reference_text}, where the text is the last column.
 *
 * @param segments the spoken segments, in time order
 */
public record ReferenceSegments(List<Segment> segments) {

  /** One spoken stretch and what was said. */
  public record Segment(long startMs, long endMs, String text) {

    /** Whether {@code [fromMs, toMs]} lies inside this segment widened by {@code slackMs}. */
    public boolean covers(long fromMs, long toMs, long slackMs) {
      return fromMs >= startMs - slackMs && toMs <= endMs + slackMs;
    }
  }

  /** Reads the file. */
  public static ReferenceSegments read(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    List<Segment> segments = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      segments.add(
          new Segment(
              Math.round(Double.parseDouble(f[0]) * 1000),
              Math.round(Double.parseDouble(f[1]) * 1000),
              f[f.length - 1].strip()));
    }
    return new ReferenceSegments(List.copyOf(segments));
  }

  /** The segments that end at or before {@code ms}. */
  public ReferenceSegments endingBy(long ms) {
    return new ReferenceSegments(segments.stream().filter(s -> s.endMs() <= ms).toList());
  }

  /** The whole reference text, segments joined by spaces. */
  public String text() {
    return segments.stream().map(Segment::text).collect(Collectors.joining(" "));
  }

  /** The segment that covers {@code [fromMs, toMs]} widened by {@code slackMs}, if any. */
  public Optional<Segment> covering(long fromMs, long toMs, long slackMs) {
    return segments.stream().filter(s -> s.covers(fromMs, toMs, slackMs)).findFirst();
  }

  /** End of the last segment. */
  public long endMs() {
    return segments.get(segments.size() - 1).endMs();
  }
}
