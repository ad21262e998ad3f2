package io.livesubs.jobs.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Checks cues against {@link ShapingRules}; used by tests to assert that every final cue obeys the
 * shaping rules.
 *
 * <p>{@link #check} reports every rule a single cue breaks. {@link #checkSequence} checks a run of
 * cues the way {@link CueShaper} promises them: the spacing between cues, and each cue's rules
 * except the {@link Rule#excusableWhenBlocked() excusable} ones (too short, too fast) when the cue
 * ends exactly where it had to: at {@code maxTrailMs} after its last word, at {@code
 * maxDurationMs}, {@code minGapMs} before the next cue, or {@code minGapMs} before the next speech.
 * An empty result from {@code checkSequence} means the cues keep every promise of {@link
 * CueShaper}. Stateless and thread-safe.
 */
public final class ShapingViolations {

  private static final double RATE_TOLERANCE = 1e-9;

  private ShapingViolations() {}

  /** A shaping rule. */
  public enum Rule {
    /** More than {@code maxLines} lines. */
    TOO_MANY_LINES(false),
    /** A line longer than {@code maxCharsPerLine}. */
    LINE_TOO_LONG(false),
    /** A line with no visible text. */
    BLANK_LINE(false),
    /** On screen longer than {@code maxDurationMs}. */
    TOO_LONG(false),
    /** On screen shorter than {@code minDurationMs}. */
    TOO_SHORT(true),
    /** More than {@code maxCharsPerSecond} characters per second on screen. */
    TOO_FAST(true),
    /** Ends more than {@code maxTrailMs} after its last word ends. */
    TRAILS_SPEECH(false),
    /** Starts more than {@code maxTrailMs} before its first word (BBC: lead at most 1.5 s). */
    LEADS_SPEECH(false),
    /** Starts less than {@code minGapMs} after the previous cue ends (including overlap). */
    GAP_TOO_SMALL(false),
    /** Ends less than {@code minGapMs} before the next speech starts. */
    RUNS_INTO_NEXT_SPEECH(false);

    private final boolean excusableWhenBlocked;

    Rule(boolean excusableWhenBlocked) {
      this.excusableWhenBlocked = excusableWhenBlocked;
    }

    /** Whether the rule holds only "where the speech allows" (see the type documentation). */
    public boolean excusableWhenBlocked() {
      return excusableWhenBlocked;
    }
  }

  /**
   * One broken rule.
   *
   * @param rule the rule
   * @param detail what was found, in words (names the cue index in sequence checks)
   */
  public record Violation(Rule rule, String detail) {}

  /** Every rule {@code cue} breaks on its own, in {@link Rule} order; empty when none. */
  public static List<Violation> check(ShapedCue cue, ShapingRules rules) {
    List<Violation> out = new ArrayList<>();
    if (cue.lines().size() > rules.maxLines()) {
      out.add(
          new Violation(Rule.TOO_MANY_LINES, cue.lines().size() + " lines > " + rules.maxLines()));
    }
    for (int i = 0; i < cue.lines().size(); i++) {
      int length = LineBreaker.displayLength(cue.lines().get(i));
      if (length > rules.maxCharsPerLine()) {
        out.add(
            new Violation(
                Rule.LINE_TOO_LONG,
                "line " + i + " has " + length + " characters > " + rules.maxCharsPerLine()));
      }
    }
    for (int i = 0; i < cue.lines().size(); i++) {
      if (cue.lines().get(i).isBlank()) {
        out.add(new Violation(Rule.BLANK_LINE, "line " + i + " is blank"));
      }
    }
    long duration = cue.durationMs();
    if (duration > rules.maxDurationMs()) {
      out.add(new Violation(Rule.TOO_LONG, duration + " ms > " + rules.maxDurationMs() + " ms"));
    }
    if (duration < rules.minDurationMs()) {
      out.add(new Violation(Rule.TOO_SHORT, duration + " ms < " + rules.minDurationMs() + " ms"));
    }
    if (cue.charsPerSecond() > rules.maxCharsPerSecond() + RATE_TOLERANCE) {
      out.add(
          new Violation(
              Rule.TOO_FAST,
              String.format(
                  Locale.ROOT,
                  "%d characters in %d ms = %.2f/s > %.2f/s",
                  cue.charCount(),
                  duration,
                  cue.charsPerSecond(),
                  rules.maxCharsPerSecond())));
    }
    if (!cue.words().isEmpty()) {
      long speechEnd = speechEnd(cue);
      if (cue.endMs() - speechEnd > rules.maxTrailMs()) {
        out.add(
            new Violation(
                Rule.TRAILS_SPEECH,
                "ends " + (cue.endMs() - speechEnd) + " ms after its last word"));
      }
      long speechStart = cue.words().get(0).startMs();
      if (speechStart - cue.startMs() > rules.maxTrailMs()) {
        out.add(
            new Violation(
                Rule.LEADS_SPEECH,
                "starts " + (speechStart - cue.startMs()) + " ms before its first word"));
      }
    }
    return out;
  }

  /** {@link #checkSequence(List, ShapingRules, PhraseContext)} with no known neighbours. */
  public static List<Violation> checkSequence(List<ShapedCue> cues, ShapingRules rules) {
    return checkSequence(cues, rules, PhraseContext.none());
  }

  /**
   * Checks cues in display order against the rules and the promises of {@link CueShaper}.
   *
   * @param context the previous cue end and next speech start that the cues were shaped with
   * @return the violations, each detail prefixed with {@code "cue <index>: "}; empty when none
   */
  public static List<Violation> checkSequence(
      List<ShapedCue> cues, ShapingRules rules, PhraseContext context) {
    List<Violation> out = new ArrayList<>();
    OptionalLong previousEnd = context.previousCueEndMs();
    for (int k = 0; k < cues.size(); k++) {
      ShapedCue cue = cues.get(k);
      if (previousEnd.isPresent() && cue.startMs() - previousEnd.getAsLong() < rules.minGapMs()) {
        out.add(
            new Violation(
                Rule.GAP_TOO_SMALL,
                "cue "
                    + k
                    + ": starts "
                    + (cue.startMs() - previousEnd.getAsLong())
                    + " ms after the previous cue ends"));
      }
      boolean last = k == cues.size() - 1;
      long blockedBound =
          last
              ? context.latestEndMs(rules.minGapMs())
              : cues.get(k + 1).startMs() - rules.minGapMs();
      boolean blocked = isBlocked(cue, rules, blockedBound);
      for (Violation v : check(cue, rules)) {
        if (!(blocked && v.rule().excusableWhenBlocked())) {
          out.add(new Violation(v.rule(), "cue " + k + ": " + v.detail()));
        }
      }
      if (last && cue.endMs() > blockedBound) {
        out.add(
            new Violation(
                Rule.RUNS_INTO_NEXT_SPEECH,
                "cue " + k + ": ends " + cue.endMs() + " ms, next speech allows " + blockedBound));
      }
      previousEnd = OptionalLong.of(cue.endMs());
    }
    return out;
  }

  /** Whether the cue's end sits at a bound the shaper may not extend past. */
  private static boolean isBlocked(ShapedCue cue, ShapingRules rules, long nextBound) {
    if (cue.endMs() >= nextBound || cue.durationMs() >= rules.maxDurationMs()) {
      return true;
    }
    return !cue.words().isEmpty()
        && cue.endMs() >= MediaTimes.add(speechEnd(cue), rules.maxTrailMs());
  }

  private static long speechEnd(ShapedCue cue) {
    return cue.words().stream().mapToLong(TimedWord::endMs).max().orElseThrow();
  }
}
