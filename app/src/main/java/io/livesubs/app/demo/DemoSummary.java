package io.livesubs.app.demo;

import io.livesubs.app.demo.CueCollector.CueStats;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a demo run, as written to {@code summary.json}. Immutable.
 *
 * @param input what was captioned
 * @param streams concurrent streams
 * @param realtime whether the audio was paced like a live stream
 * @param audioSeconds audio per stream
 * @param wallSeconds from the first chunk sent until the last end-of-stream marker arrived (or the
 *     wait gave up)
 * @param streamsNotEnded streams whose end-of-stream marker never came; empty when complete
 * @param cues what the cue consumer counted and measured
 * @param job what the job counted
 * @param finalCuesByLanguage final cues with text per language (spoken and translated), over all
 *     streams
 */
public record DemoSummary(
    String input,
    int streams,
    boolean realtime,
    double audioSeconds,
    double wallSeconds,
    List<String> streamsNotEnded,
    CueStats cues,
    JobCounters job,
    Map<String, Integer> finalCuesByLanguage) {

  /** Copies the list and the map. */
  public DemoSummary {
    streamsNotEnded = List.copyOf(streamsNotEnded);
    finalCuesByLanguage = Collections.unmodifiableMap(new TreeMap<>(finalCuesByLanguage));
  }

  /**
   * Wall time over audio time per stream: below 1 the streams were captioned faster than real time;
   * with {@code --realtime} it cannot be much below 1, as the audio arrives at that pace.
   */
  public double realTimeFactor() {
    return audioSeconds > 0 ? wallSeconds / audioSeconds : 0;
  }

  /** Whether every stream's end-of-stream marker arrived. */
  public boolean complete() {
    return streamsNotEnded.isEmpty();
  }
}
