package io.livesubs.jobs.cues;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link CueEmitter} commits the words of an open speech segment as final cues before the
 * segment ends. Immutable and serializable (it travels inside the Flink function); validated on
 * construction, the message naming the bad setting.
 *
 * @param policy when words become final
 * @param minWords fewest words committed at once, 1 to 100 (fewer agreed words wait for more)
 * @param pauseMs a pause at least this long after the agreed prefix (before the next hypothesised
 *     word) makes the whole prefix final, not only its complete cues; 0 to 10000 ms
 * @param toleranceMs two hypotheses agree on a word when its text is equal and its start and end
 *     differ by at most this much; 0 to 1000 ms
 * @param fillPercent when the last cue the agreed words not yet committed form is filled to at
 *     least this share of its capacity ({@code maxLines × maxCharsPerLine}), it is committed too,
 *     without waiting for the next cue to form or for the speaker's next word; 1 to 100, or 0 for
 *     never. This bounds the wait for a final cue by the agreement delay instead of a cue's worth
 *     of speech
 * @param settleMs the hypothesis' newest word counts as agreed only once the audio recognised so
 *     far reaches at least this far past its end, or once a word follows it (timed, or heard ahead:
 *     {@link io.livesubs.jobs.speech.Recognition#wordsAhead()}); 0 to 10000 ms, 0 for never (it
 *     always waits for a word after it). The engine may still extend or re-spell its newest word
 *     when the rest of it arrives ("met" becoming "might"), which a commit would turn into a wrong
 *     or duplicated word. Measured in media time over {@code en_dev_mix} ({@code
 *     EarlyCommitLatencyTest}, 100 ms partials): final-cue p95 956 ms with the default 700 ms and
 *     the same WER as waiting for the segment's end; 600 ms gave p95 926 ms but two words committed
 *     before the engine re-spelled them ("for or / six"), in a one-off run of that test with the
 *     setting changed
 */
public record CommitSettings(
    CommitPolicy policy,
    int minWords,
    long pauseMs,
    long toleranceMs,
    int fillPercent,
    long settleMs)
    implements Serializable {

  /** Configuration key of {@link #policy()}: {@code segment} or {@code agreement}. */
  public static final String POLICY_KEY = "asr.commit-policy";

  /** Configuration key of {@link #minWords()}. */
  public static final String MIN_WORDS_KEY = "asr.commit-min-words";

  /** Configuration key of {@link #pauseMs()}. */
  public static final String PAUSE_KEY = "asr.commit-pause-ms";

  /** Configuration key of {@link #toleranceMs()}. */
  public static final String TOLERANCE_KEY = "asr.commit-tolerance-ms";

  /** Configuration key of {@link #fillPercent()}. */
  public static final String FILL_KEY = "asr.commit-fill-percent";

  /** Configuration key of {@link #settleMs()}. */
  public static final String SETTLE_KEY = "asr.commit-settle-ms";

  /** Validates the settings. */
  public CommitSettings {
    Objects.requireNonNull(policy, "commit policy");
    check("minWords", minWords, 1, 100);
    check("pauseMs", pauseMs, 0, 10_000);
    check("toleranceMs", toleranceMs, 0, 1_000);
    check("fillPercent", fillPercent, 0, 100);
    check("settleMs", settleMs, 0, 10_000);
  }

  /** Agreement, at least 3 words, 300 ms pause, 30 ms tolerance, 40 % fill, 700 ms settle. */
  public static CommitSettings defaults() {
    return new CommitSettings(CommitPolicy.AGREEMENT, 3, 300, 30, 40, 700);
  }

  /** The old behaviour: final cues only at the segment's end. */
  public static CommitSettings segmentOnly() {
    return withPolicy(defaults(), CommitPolicy.SEGMENT);
  }

  /**
   * These settings with the {@code asr.commit-*} keys of {@code options} applied; other keys are
   * ignored.
   *
   * @throws IllegalArgumentException naming the key whose value is malformed or out of range
   */
  public CommitSettings withOptions(Map<String, String> options) {
    try {
      return new CommitSettings(
          options.containsKey(POLICY_KEY) ? CommitPolicy.of(options.get(POLICY_KEY)) : policy,
          intOption(options, MIN_WORDS_KEY, minWords),
          option(options, PAUSE_KEY, pauseMs),
          option(options, TOLERANCE_KEY, toleranceMs),
          intOption(options, FILL_KEY, fillPercent),
          option(options, SETTLE_KEY, settleMs));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad asr.commit-* option: " + e.getMessage(), e);
    }
  }

  /** The whole number under {@code key}, or {@code current} when there is none. */
  private static long option(Map<String, String> options, String key, long current) {
    String value = options.get(key);
    return value == null ? current : Long.parseLong(value.strip());
  }

  /** The int under {@code key}, or {@code current} when there is none. */
  private static int intOption(Map<String, String> options, String key, int current) {
    String value = options.get(key);
    return value == null ? current : Integer.parseInt(value.strip());
  }

  private static CommitSettings withPolicy(CommitSettings s, CommitPolicy policy) {
    return new CommitSettings(
        policy, s.minWords, s.pauseMs, s.toleranceMs, s.fillPercent, s.settleMs);
  }

  private static void check(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in " + min + ".." + max + ", got " + value);
    }
  }
}
