package io.livesubs.app.demo;

import java.io.PrintWriter;

/**
 * Prints captions as they arrive: each final cue as one line {@code [stream language 00:00:03.2 →
 * 00:00:05.9] text}; on a terminal also the current partial caption, redrawn in place on the last
 * line ({@code \r} and erase-line) and replaced by the final line when it comes. Without a terminal
 * (output redirected) only final cues are printed, so logs stay clean. Thread-safe: every method is
 * synchronized, so lines from different threads never interleave.
 */
public final class CaptionPrinter {

  /** Longest partial caption shown, so that it stays on one terminal line. */
  static final int MAX_PARTIAL_CHARS = 76;

  private static final String ERASE_LINE = "\r\u001b[2K";

  private final PrintWriter out;
  private final boolean terminal;
  private boolean partialShown;

  /**
   * @param out where to print
   * @param terminal whether {@code out} is an interactive terminal that understands {@code \r} and
   *     the erase-line escape
   */
  public CaptionPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Prints a final cue's line, replacing the partial caption if one is shown. */
  public synchronized void finalCue(CueRevision cue) {
    clearPartial();
    out.println(
        "["
            + cue.stream()
            + " "
            + cue.language()
            + " "
            + clock(cue.startMs())
            + " \u2192 "
            + clock(cue.endMs())
            + "] "
            + cue.text());
    out.flush();
  }

  /** Shows a partial caption in place (terminal only); its tail when it is long. */
  public synchronized void partial(CueRevision cue) {
    if (!terminal) {
      return;
    }
    String text = "\u2026 [" + cue.stream() + "] " + cue.text();
    if (text.length() > MAX_PARTIAL_CHARS) {
      text = "\u2026" + text.substring(text.length() - MAX_PARTIAL_CHARS + 1);
    }
    out.print(ERASE_LINE + text);
    out.flush();
    partialShown = true;
  }

  /** Removes the partial caption, if one is shown (a cue was withdrawn, the stream ended). */
  public synchronized void clearPartial() {
    if (partialShown) {
      out.print(ERASE_LINE);
      partialShown = false;
    }
  }

  /** Prints a line of its own (status, summary), replacing the partial caption if one is shown. */
  public synchronized void message(String line) {
    clearPartial();
    out.println(line);
    out.flush();
  }

  /** Formats media time as {@code HH:MM:SS.t} (tenths of a second, rounded down). */
  public static String clock(long ms) {
    long tenths = Math.max(0, ms) / 100;
    return String.format(
        "%02d:%02d:%02d.%d", tenths / 36_000, tenths / 600 % 60, tenths / 10 % 60, tenths % 10);
  }
}
