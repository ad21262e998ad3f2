package io.livesubs.app.bench;

import io.livesubs.app.demo.CueRevision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latency translation adds to captions, from the cue topic of a job that translates: for every
 * final translated cue, the time from the source phrase's end to the translated cue's emission. A
 * phrase ends with the progress marker the job emits after its last source cue, and the job
 * translates a phrase only once that marker has passed, so {@code emitted(translated cue) −
 * emitted(marker)} is what translation adds on top of the source caption's own latency. The marker
 * is found by media time: the first source progress marker of the stream whose {@code endMs} is at
 * or after the translated cue's end (translated cues lie within their source phrase).
 *
 * <p>Each translated cue is counted once however often at-least-once delivery repeats it. Also
 * keeps the source phrases' texts and which timelines have ended. Thread-safe: the cue consumer's
 * thread calls {@link #accept}; the phase's thread waits and reads.
 */
final class TranslationLatency {

  private final String sourceLanguage;
  private final Map<String, List<long[]>> markers = new HashMap<>();
  private final List<CueRevision> translated = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> ended = new HashSet<>();
  private final Map<String, StringBuilder> openPhrases = new HashMap<>();
  private final List<String> phrases = new ArrayList<>();

  /** A tracker of a job whose source captions are in {@code sourceLanguage}. */
  TranslationLatency(String sourceLanguage) {
    this.sourceLanguage = sourceLanguage;
  }

  /** Takes one cue revision from the cue topic, in partition order. */
  synchronized void accept(CueRevision cue) {
    boolean source = cue.language().equals(sourceLanguage);
    if (cue.isEndOfStream()) {
      ended.add(cue.stream() + "/" + cue.language());
      notifyAll();
    } else if (cue.seq() == io.livesubs.schemas.CueConventions.PROGRESS_CUE_SEQ) {
      if (source) {
        markers
            .computeIfAbsent(cue.stream(), s -> new ArrayList<>())
            .add(new long[] {cue.endMs(), cue.emittedAtMs()});
        StringBuilder phrase = openPhrases.remove(cue.stream());
        if (phrase != null) {
          phrases.add(phrase.toString());
        }
      }
    } else if (cue.isFinal() && !cue.isWithdrawn()) {
      String key = cue.stream() + "/" + cue.language() + "/" + cue.seq();
      if (seen.add(key)) {
        if (source) {
          StringBuilder phrase =
              openPhrases.computeIfAbsent(cue.stream(), k -> new StringBuilder());
          phrase.append(phrase.isEmpty() ? "" : " ").append(cue.text());
        } else {
          translated.add(cue);
        }
      }
    }
  }

  /**
   * Added latency of every translated final cue in {@code language}, ms; cues whose phrase marker
   * has not arrived are left out.
   */
  synchronized long[] addedLatenciesMs(String language) {
    List<Long> added = new ArrayList<>();
    for (CueRevision cue : translated) {
      if (!cue.language().equals(language)) {
        continue;
      }
      for (long[] marker : markers.getOrDefault(cue.stream(), List.of())) {
        if (marker[0] >= cue.endMs()) {
          added.add(cue.emittedAtMs() - marker[1]);
          break;
        }
      }
    }
    return added.stream().mapToLong(Long::longValue).toArray();
  }

  /** Final translated cues in {@code language} so far. */
  synchronized int translatedCues(String language) {
    return (int) translated.stream().filter(c -> c.language().equals(language)).count();
  }

  /**
   * The source phrases ended so far (their final cues' texts joined, as the job translates them),
   * in arrival order.
   */
  synchronized List<String> sourcePhrases() {
    return List.copyOf(phrases);
  }

  /**
   * Waits until each of {@code streams} has ended in each of {@code languages}.
   *
   * @return whether they all did within {@code timeout}
   */
  synchronized boolean awaitEnded(List<String> streams, List<String> languages, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean all =
          streams.stream()
              .allMatch(s -> languages.stream().allMatch(l -> ended.contains(s + "/" + l)));
      long left = deadline - System.nanoTime();
      if (all || left <= 0) {
        return all;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
