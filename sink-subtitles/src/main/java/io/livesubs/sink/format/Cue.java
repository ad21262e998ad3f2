package io.livesubs.sink.format;

import java.util.List;
import java.util.Objects;

/**
 * A cue as the subtitle writers see it: an identifier, a media-time interval and display lines.
 * Independent of Avro and of the state stores. Immutable.
 *
 * @param id cue identifier written into WebVTT (no line breaks, no {@code -->})
 * @param startMs start in ms, {@code >= 0}
 * @param endMs end in ms, {@code >= startMs}
 * @param lines display lines, in order
 */
public record Cue(String id, long startMs, long endMs, List<String> lines) {

  /** Checks the invariants and copies {@code lines}. */
  public Cue {
    Objects.requireNonNull(id, "id");
    if (id.contains("\n") || id.contains("\r") || id.contains("-->")) {
      throw new IllegalArgumentException("cue id must not contain line breaks or '-->': " + id);
    }
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "cue '" + id + "' has invalid times: start " + startMs + " ms, end " + endMs + " ms");
    }
    lines = List.copyOf(lines);
  }

  /** Returns the lines that carry text, each split at embedded line breaks. */
  public List<String> displayLines() {
    return lines.stream()
        .flatMap(line -> line.lines())
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .toList();
  }
}
