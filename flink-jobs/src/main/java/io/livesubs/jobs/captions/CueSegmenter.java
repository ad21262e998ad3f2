package io.livesubs.jobs.captions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Splits the words of one phrase into cue-sized groups by a dynamic programme over cut positions.
 *
 * <p>Hard constraints: each group's text fits the line limits, and its speech (first word start to
 * last word end) lasts at most the maximum duration, unless the group is a single word. Soft
 * preferences, as costs: cut at sentence or clause ends and at pauses, not after weak words, and do
 * not run from the end of one sentence into the start of the next; give each cue a time window
 * (until the next cue's speech, the next speech, or the trail limit) of at least the minimum
 * duration and long enough for the reading rate; prefer fewer, fuller cues and well-broken lines.
 * Every word must fit alone on a cue (the caller splits overlong words). Immutable and thread-safe.
 */
final class CueSegmenter {

  private static final double CUE_COST = 3.0;
  private static final double LINE_LAYOUT_WEIGHT = 0.5;
  private static final int SHORT_CUE_CHARS = 20;
  private static final double SHORT_CUE_WEIGHT = 0.3;
  private static final double TOO_SHORT_WINDOW_COST = 40.0;
  private static final double READING_RATE_WEIGHT = 10.0;
  private static final double READING_RATE_COST_CAP = 30.0;
  private static final long FULL_PAUSE_MS = 1_200;
  private static final double FULL_PAUSE_BONUS = 6.0;
  private static final double RUN_ON_COST = 8.0;

  /** Words {@code from} (inclusive) to {@code to} (exclusive) shown as {@code lines}. */
  record Group(int from, int to, List<String> lines) {}

  private final ShapingRules rules;
  private final LineBreaker breaker;

  CueSegmenter(ShapingRules rules, LineBreaker breaker) {
    this.rules = rules;
    this.breaker = breaker;
  }

  /**
   * Segments {@code words} (non-empty, in start order, each fitting a cue alone).
   *
   * @param firstStartMs when the first cue may start (the first word's start or later)
   * @param latestEndMs when the last cue must have ended (next speech minus the gap), or {@link
   *     Long#MAX_VALUE}
   */
  List<Group> segment(List<TimedWord> words, long firstStartMs, long latestEndMs) {
    Phrase phrase = new Phrase(words, latestEndMs);
    int n = words.size();
    double[] best = new double[n + 1];
    int[] cutBefore = new int[n + 1];
    List<List<String>> linesTo = new ArrayList<>(Collections.nCopies(n + 1, List.of()));
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0.0;
    for (int from = 0; from < n; from++) {
      long start = from == 0 ? firstStartMs : words.get(from).startMs();
      long speechEnd = Long.MIN_VALUE;
      List<String> texts = new ArrayList<>();
      for (int to = from + 1; to <= n; to++) {
        TimedWord last = words.get(to - 1);
        speechEnd = Math.max(speechEnd, last.endMs());
        texts.add(last.text());
        Optional<LineBreaker.Layout> layout = breaker.layout(texts);
        boolean tooLong = speechEnd - start > rules.maxDurationMs();
        if (layout.isEmpty() || (tooLong && to > from + 1)) {
          break; // Both only grow with more words.
        }
        double cost =
            best[from]
                + cueCost(phrase, to, start, speechEnd, layout.get())
                + cutCost(phrase, from, to, speechEnd);
        if (cost < best[to]) {
          best[to] = cost;
          cutBefore[to] = from;
          linesTo.set(to, layout.get().lines());
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    for (int to = n; to > 0; to = cutBefore[to]) {
      groups.add(new Group(cutBefore[to], to, linesTo.get(to)));
    }
    Collections.reverse(groups);
    return groups;
  }

  /** Cost of showing the words before {@code to} from {@code start} with {@code layout}. */
  private double cueCost(
      Phrase phrase, int to, long start, long speechEnd, LineBreaker.Layout layout) {
    long blockedAt =
        to == phrase.size()
            ? phrase.latestEndMs
            : phrase.words.get(to).startMs() - rules.minGapMs();
    long windowEnd =
        Math.min(
            Math.min(
                MediaTimes.add(start, rules.maxDurationMs()),
                MediaTimes.add(speechEnd, rules.maxTrailMs())),
            blockedAt);
    double window = Math.max(1.0, (double) windowEnd - start);
    int chars = layout.chars();

    double cost = CUE_COST + LINE_LAYOUT_WEIGHT * layout.cost();
    if (chars < SHORT_CUE_CHARS) {
      cost += SHORT_CUE_WEIGHT * (SHORT_CUE_CHARS - chars);
    }
    if (window < rules.minDurationMs()) {
      cost += TOO_SHORT_WINDOW_COST;
    }
    double readingMs = chars * 1000.0 / rules.maxCharsPerSecond();
    if (window < readingMs) {
      cost += Math.min(READING_RATE_COST_CAP, READING_RATE_WEIGHT * (readingMs / window - 1.0));
    }
    return cost;
  }

  /** Cost of ending the cue of words {@code from..to-1} before word {@code to}. */
  private static double cutCost(Phrase phrase, int from, int to, long speechEnd) {
    if (to == phrase.size()) {
      return 0.0; // The phrase ends here anyway.
    }
    long pause = Math.max(0, phrase.words.get(to).startMs() - speechEnd);
    double bonus = FULL_PAUSE_BONUS * Math.min(pause, FULL_PAUSE_MS) / FULL_PAUSE_MS;
    Boundary boundary = phrase.after[to - 1];
    double cost = Math.max(0.0, boundary.cutCost() - bonus);
    boolean startsAnotherSentence = phrase.sentenceEnds[to - 1] > phrase.sentenceEnds[from];
    if (startsAnotherSentence && boundary != Boundary.SENTENCE) {
      // A cue that ends a sentence and then runs on into the next one reads badly.
      cost += RUN_ON_COST;
    }
    return cost;
  }

  /** The words with their boundaries classified once. */
  private static final class Phrase {
    final List<TimedWord> words;
    final long latestEndMs;

    /** {@code after[i]}: the boundary between word i and word i + 1 (null for the last word). */
    final Boundary[] after;

    /** {@code sentenceEnds[i]}: how many of words 0..i-1 end a sentence inside the phrase. */
    final int[] sentenceEnds;

    Phrase(List<TimedWord> words, long latestEndMs) {
      this.words = words;
      this.latestEndMs = latestEndMs;
      int n = words.size();
      after = new Boundary[n];
      sentenceEnds = new int[n + 1];
      for (int i = 0; i < n; i++) {
        after[i] =
            i + 1 < n ? Boundary.between(words.get(i).text(), words.get(i + 1).text()) : null;
        sentenceEnds[i + 1] = sentenceEnds[i] + (after[i] == Boundary.SENTENCE ? 1 : 0);
      }
    }

    int size() {
      return words.size();
    }
  }
}
