package io.livesubs.app.demo;

import io.livesubs.app.demo.CueRevision.TimelineKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects the cues the demo receives: collapses revisions per (stream, language) {@link Timeline},
 * drops redelivered revisions, journals every new revision ({@link CueJournal}), prints captions
 * ({@link CaptionPrinter}), measures latencies, and lets a caller wait for the streams'
 * end-of-stream markers.
 *
 * <p>Thread-safe: the cue consumer thread calls {@link #accept}, other threads wait and read
 * snapshots.
 */
public final class CueCollector {

  private final CueJournal journal;
  private final CaptionPrinter printer;
  private final Map<TimelineKey, Timeline> timelines = new HashMap<>();
  private final List<Long> partialLatencies = new ArrayList<>();
  private final List<Long> finalLatencies = new ArrayList<>();
  private int partialRevisions;
  private int duplicates;

  /**
   * @param journal where every new revision is written, or {@code null}
   * @param printer where captions are printed, or {@code null}
   */
  public CueCollector(CueJournal journal, CaptionPrinter printer) {
    this.journal = journal;
    this.printer = printer;
  }

  /** Takes one received cue revision or marker. */
  public synchronized void accept(CueRevision cue) {
    Timeline timeline = timelines.computeIfAbsent(cue.timeline(), k -> new Timeline());
    Timeline.Outcome outcome = timeline.apply(cue);
    switch (outcome) {
      case DUPLICATE -> duplicates++;
      case STALE -> journal(cue);
      case PARTIAL -> {
        journal(cue);
        partialRevisions++;
        partialLatencies.add(cue.latencyMs());
        print(p -> p.partial(cue));
      }
      case FINAL -> {
        journal(cue);
        finalLatencies.add(cue.latencyMs());
        print(p -> p.finalCue(cue));
      }
      case WITHDRAWN -> {
        journal(cue);
        print(CaptionPrinter::clearPartial);
      }
      case ENDED -> {
        print(p -> p.message("[" + cue.stream() + "] end of stream (" + cue.language() + ")"));
        notifyAll();
      }
      case MARKER -> {
        // progress markers only move live playlists on; nothing to collect
      }
    }
  }

  /**
   * Waits until each of {@code streams} has ended: every timeline of the stream has received its
   * end-of-stream marker, and the stream has at least one timeline.
   *
   * @return whether they all ended within {@code timeout}
   */
  public synchronized boolean awaitEnded(Collection<String> streams, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!notEnded(streams).isEmpty()) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        return false;
      }
      wait(leftMs);
    }
    return true;
  }

  /**
   * Waits until every (stream, language) timeline of {@code streams} × {@code languages} has
   * received its end-of-stream marker (and any other timeline of those streams too). The job emits
   * one end marker per language, and a translated timeline may end after the source one.
   *
   * @return whether they all ended within {@code timeout}
   */
  public synchronized boolean awaitEnded(
      Collection<String> streams, Collection<String> languages, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!notEnded(streams, languages).isEmpty()) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMs <= 0) {
        return false;
      }
      wait(leftMs);
    }
    return true;
  }

  /** Those of {@code streams} that have not ended yet, sorted. */
  public synchronized Set<String> notEnded(Collection<String> streams) {
    return notEnded(streams, List.of());
  }

  /**
   * Those of {@code streams} that have not ended yet, sorted: a stream has ended when it has at
   * least one timeline, each of its timelines has ended, and each of {@code languages} has an ended
   * timeline of it.
   */
  public synchronized Set<String> notEnded(
      Collection<String> streams, Collection<String> languages) {
    Set<String> open = new TreeSet<>();
    for (String stream : streams) {
      boolean any = false;
      boolean allEnded = true;
      for (Map.Entry<TimelineKey, Timeline> e : timelines.entrySet()) {
        if (e.getKey().stream().equals(stream)) {
          any = true;
          allEnded &= e.getValue().ended();
        }
      }
      for (String language : languages) {
        allEnded &= timelines.containsKey(new TimelineKey(stream, language));
      }
      if (!any || !allEnded) {
        open.add(stream);
      }
    }
    return open;
  }

  /** Final cues with text per language, over all streams, ordered by language. */
  public synchronized Map<String, Integer> finalCuesByLanguage() {
    Map<String, Integer> counts = new TreeMap<>();
    timelines.forEach(
        (key, timeline) -> counts.merge(key.language(), timeline.finals().size(), Integer::sum));
    return counts;
  }

  /** The final cues with text of every timeline, timelines ordered by stream and language. */
  public synchronized Map<TimelineKey, List<CueRevision>> finalCues() {
    Map<TimelineKey, List<CueRevision>> result = new LinkedHashMap<>();
    timelines.keySet().stream()
        .sorted(Comparator.comparing(TimelineKey::stream).thenComparing(TimelineKey::language))
        .forEach(key -> result.put(key, timelines.get(key).finals()));
    return result;
  }

  /** Counts and latencies so far. */
  public synchronized CueStats stats() {
    int finals = 0;
    int withdrawn = 0;
    for (Timeline timeline : timelines.values()) {
      finals += timeline.finals().size();
      withdrawn += timeline.withdrawnCount();
    }
    return new CueStats(
        finals,
        partialRevisions,
        withdrawn,
        duplicates,
        LatencyStats.of(partialLatencies.stream().mapToLong(Long::longValue).toArray()),
        LatencyStats.of(finalLatencies.stream().mapToLong(Long::longValue).toArray()));
  }

  private void journal(CueRevision cue) {
    if (journal != null) {
      journal.append(cue);
    }
  }

  private void print(Consumer<CaptionPrinter> action) {
    if (printer != null) {
      action.accept(printer);
    }
  }

  /**
   * What the collector counted. Immutable.
   *
   * @param finalCues final cues with text
   * @param partialRevisions partial revisions that were newer than the ones before
   * @param withdrawnCues cues whose final revision had no text
   * @param duplicateRecords revisions received more than once (at-least-once redelivery)
   * @param partialLatency latency of partial revisions, emission minus capture time
   * @param finalLatency latency of final cues, emission minus capture time
   */
  public record CueStats(
      int finalCues,
      int partialRevisions,
      int withdrawnCues,
      int duplicateRecords,
      LatencyStats partialLatency,
      LatencyStats finalLatency) {}
}
