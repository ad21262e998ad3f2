package io.livesubs.jobs.captions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the words of a finished phrase (a final ASR result, with media times) into timed,
 * line-broken subtitle cues that follow {@link ShapingRules}.
 *
 * <p>The words are split into groups (see the cut preferences in the package's segmenter: sentence
 * and clause ends, pauses, never after an article or preposition when avoidable), each group's text
 * is broken into lines by {@link LineBreaker}, and each cue is timed: it starts when its first word
 * starts and ends when its last word ends, extended into the following silence until it has been on
 * screen for the minimum duration and the reading rate is within the limit.
 *
 * <p>Guarantees for {@code shape(words, context)} on non-empty input:
 *
 * <ol>
 *   <li>Every word appears in exactly one cue, in input order. Exception: a word longer than {@code
 *       maxLines × maxCharsPerLine} characters is cut into pieces of that size (times shared in
 *       proportion to characters), each piece standing for the word in its cue.
 *   <li>Every cue has 1 to {@code maxLines} lines of at most {@code maxCharsPerLine} characters.
 *   <li>{@code startMs < endMs} and the duration is at most {@code maxDurationMs}.
 *   <li>Cues are in order and each starts at least {@code minGapMs} after the previous one ends;
 *       the first starts at least {@code minGapMs} after {@link PhraseContext#previousCueEndMs()}.
 *   <li>A cue never starts before its first word (it never leads speech).
 *   <li>A cue ends no later than {@code maxTrailMs} after its last word, no later than {@code
 *       minGapMs} before the next cue's first word, and (the last cue) no later than {@code
 *       minGapMs} before {@link PhraseContext#nextSpeechStartMs()}. Only when these bounds leave no
 *       time at all after the start (speech denser than the gap, or a context contradicting the
 *       words) does the cue get 1 ms, and the following cues start later to keep guarantee 4.
 *   <li>Duration is at least {@code minDurationMs} and the reading rate at most {@code
 *       maxCharsPerSecond}, except when the end was stopped by one of the bounds in 6 or by {@code
 *       maxDurationMs}: then the cue ends exactly at that bound. Fast speech with no pauses
 *       therefore gives cues faster than the reading-rate limit; nothing is dropped or delayed to
 *       avoid it. {@link ShapingViolations#checkSequence} encodes exactly this exception.
 * </ol>
 *
 * <p>Stateless, immutable and thread-safe; serializable so Flink functions can hold one.
 */
public final class CueShaper implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ShapingRules rules;
  private final LineBreaker breaker;

  /** A shaper for the given rules. */
  public CueShaper(ShapingRules rules) {
    if (rules == null) {
      throw new IllegalArgumentException("rules must not be null");
    }
    this.rules = rules;
    this.breaker = LineBreaker.forRules(rules);
  }

  /** The rules this shaper follows. */
  public ShapingRules rules() {
    return rules;
  }

  /** Shapes a phrase whose neighbours are unknown; see {@link #shape(List, PhraseContext)}. */
  public List<ShapedCue> shape(List<TimedWord> words) {
    return shape(words, PhraseContext.none());
  }

  /**
   * Shapes the words of one finished phrase into cues.
   *
   * @param words the phrase's words in start order (non-decreasing {@code startMs}); empty gives no
   *     cues
   * @param context the neighbouring cue and speech, where known
   * @return the cues, in order (see the guarantees on the type)
   * @throws IllegalArgumentException when words or context are null, a word is null, or the words
   *     are out of start order
   */
  public List<ShapedCue> shape(List<TimedWord> words, PhraseContext context) {
    if (words == null || context == null) {
      throw new IllegalArgumentException("words and context must not be null");
    }
    List<TimedWord> units = splitOverlongWords(checkOrder(words));
    if (units.isEmpty()) {
      return List.of();
    }
    long firstStart = Math.max(units.get(0).startMs(), context.earliestStartMs(rules.minGapMs()));
    long latestEnd = context.latestEndMs(rules.minGapMs());
    List<CueSegmenter.Group> groups =
        new CueSegmenter(rules, breaker).segment(units, firstStart, latestEnd);

    List<ShapedCue> cues = new ArrayList<>(groups.size());
    long earliestStart = firstStart;
    for (int k = 0; k < groups.size(); k++) {
      CueSegmenter.Group group = groups.get(k);
      List<TimedWord> shown = units.subList(group.from(), group.to());
      long nextBound =
          k + 1 < groups.size()
              ? units.get(groups.get(k + 1).from()).startMs() - rules.minGapMs()
              : latestEnd;
      ShapedCue cue = time(shown, group.lines(), earliestStart, nextBound);
      cues.add(cue);
      earliestStart = MediaTimes.add(cue.endMs(), rules.minGapMs());
    }
    return List.copyOf(cues);
  }

  private ShapedCue time(
      List<TimedWord> shown, List<String> lines, long earliestStart, long nextBound) {
    long start = Math.max(shown.get(0).startMs(), earliestStart);
    long speechEnd = shown.stream().mapToLong(TimedWord::endMs).max().orElseThrow();
    long hardCap = Math.min(MediaTimes.add(start, rules.maxDurationMs()), nextBound);
    long cap = Math.min(hardCap, MediaTimes.add(speechEnd, rules.maxTrailMs()));
    int chars = lines.stream().mapToInt(LineBreaker::displayLength).sum();
    long readingMs = (long) Math.ceil(chars * 1000.0 / rules.maxCharsPerSecond());
    long wanted =
        Math.max(
            speechEnd,
            Math.max(
                MediaTimes.add(start, rules.minDurationMs()), MediaTimes.add(start, readingMs)));
    long end = Math.min(wanted, cap);
    if (end <= start) {
      // No room at all between the bounds; a 1 ms cue keeps the words and the order intact.
      end = start + 1;
    }
    return new ShapedCue(start, end, lines, shown);
  }

  private static List<TimedWord> checkOrder(List<TimedWord> words) {
    for (int i = 0; i < words.size(); i++) {
      TimedWord word = words.get(i);
      if (word == null) {
        throw new IllegalArgumentException("word " + i + " is null");
      }
      if (i > 0 && word.startMs() < words.get(i - 1).startMs()) {
        throw new IllegalArgumentException(
            "words must be in start order: word "
                + i
                + " '"
                + word.text()
                + "' starts at "
                + word.startMs()
                + " ms, before word "
                + (i - 1)
                + " at "
                + words.get(i - 1).startMs()
                + " ms");
      }
    }
    return words;
  }

  /** Cuts words that cannot fit on a cue alone into cue-sized pieces with proportional times. */
  private List<TimedWord> splitOverlongWords(List<TimedWord> words) {
    int capacity = rules.maxLines() * rules.maxCharsPerLine();
    List<TimedWord> units = new ArrayList<>(words.size());
    for (TimedWord word : words) {
      String text = word.text();
      int length = LineBreaker.displayLength(text);
      if (length <= capacity) {
        units.add(word);
        continue;
      }
      long span = word.endMs() - word.startMs();
      int begin = 0;
      for (int taken = 0; taken < length; ) {
        int n = Math.min(capacity, length - taken);
        int end = text.offsetByCodePoints(begin, n);
        long pieceStart = word.startMs() + (long) ((double) span * taken / length);
        long pieceEnd = word.startMs() + (long) ((double) span * (taken + n) / length);
        units.add(new TimedWord(text.substring(begin, end), pieceStart, pieceEnd));
        begin = end;
        taken += n;
      }
    }
    return units;
  }
}
