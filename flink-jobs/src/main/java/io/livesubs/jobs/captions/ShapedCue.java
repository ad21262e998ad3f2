package io.livesubs.jobs.captions;

import java.util.List;
import java.util.Objects;

/**
 * One subtitle cue produced by caption shaping: when it is on screen, its display lines, and the
 * recognised words it shows.
 *
 * <p>Structural invariants are checked on construction ({@code startMs < endMs}, at least one line,
 * no null entries); whether the cue obeys the {@link ShapingRules} is a separate question answered
 * by {@link ShapingViolations}. Immutable (the lists are unmodifiable copies) and thread-safe.
 *
 * @param startMs media time the cue appears
 * @param endMs media time the cue disappears, {@code > startMs}
 * @param lines display lines, top to bottom
 * @param words the words shown, in order; may be empty for text without word times (for example a
 *     translation)
 */
public record ShapedCue(long startMs, long endMs, List<String> lines, List<TimedWord> words) {

  /** Checks the structural invariants; throws {@link IllegalArgumentException} when violated. */
  public ShapedCue {
    if (lines == null || words == null) {
      throw new IllegalArgumentException("lines and words must not be null");
    }
    // List.copyOf rejects null elements with an NPE; check first for a clear message.
    if (lines.stream().anyMatch(Objects::isNull) || words.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("lines and words must not contain null");
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a cue needs at least one line");
    }
    if (endMs <= startMs) {
      throw new IllegalArgumentException(
          "cue must end after it starts: startMs=" + startMs + ", endMs=" + endMs);
    }
    lines = List.copyOf(lines);
    words = List.copyOf(words);
  }

  /** Time on screen in milliseconds. */
  public long durationMs() {
    return endMs - startMs;
  }

  /** The lines joined with {@code '\n'}, as a player would render them. */
  public String text() {
    return String.join("\n", lines);
  }

  /**
   * Characters the viewer reads: the code points of all lines, spaces included, line breaks not
   * counted. This is the count the reading-rate rule uses.
   */
  public int charCount() {
    return lines.stream().mapToInt(LineBreaker::displayLength).sum();
  }

  /** Reading rate: {@link #charCount()} per second on screen. */
  public double charsPerSecond() {
    return charCount() * 1000.0 / durationMs();
  }
}
