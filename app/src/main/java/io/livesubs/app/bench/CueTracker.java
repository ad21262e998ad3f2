package io.livesubs.app.bench;

import io.livesubs.app.demo.CueRevision;
import io.livesubs.schemas.CueConventions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * What one phase of the benchmark needs from the cues: which streams have ended (their
 * end-of-stream marker, {@link CueConventions#END_OF_STREAM_CUE_SEQ}, arrived) and when the last
 * one did, and the latency of every final cue with text, counted once however often at-least-once
 * delivery repeats it: as the job emitted it ({@link CueLatency#emittedMs}) and as this consumer
 * received it. It also keeps the latency of the last final cue of each phrase (the one the job's
 * progress marker follows) apart: the job emits a phrase's final cues together when the phrase
 * ends, so earlier cues of a long phrase wait for the rest of it.
 *
 * <p>Thread-safe: the cue consumer's thread calls {@link #accept}, the phase's thread waits and
 * reads.
 */
final class CueTracker {

  private final LongSupplier wallClockMs;
  private final LongSupplier nanoClock;
  private final Set<String> ended = new HashSet<>();
  private final Set<String> finalsSeen = new HashSet<>();
  private final List<Long> emitted = new ArrayList<>();
  private final List<Long> received = new ArrayList<>();
  private final List<Long> phraseEnds = new ArrayList<>();
  private final Map<String, Long> lastFinalOfPhrase = new HashMap<>();
  private long lastEndNanos;

  /**
   * @param wallClockMs epoch-millisecond clock, for the latency at reception
   * @param nanoClock monotonic clock, for the arrival of the last end-of-stream marker
   */
  CueTracker(LongSupplier wallClockMs, LongSupplier nanoClock) {
    this.wallClockMs = wallClockMs;
    this.nanoClock = nanoClock;
  }

  /** A tracker on the system clocks. */
  CueTracker() {
    this(System::currentTimeMillis, System::nanoTime);
  }

  /** Takes one cue from the cue topic. */
  synchronized void accept(CueRevision cue) {
    String stream = cue.stream();
    if (cue.isEndOfStream()) {
      if (ended.add(stream)) {
        lastEndNanos = nanoClock.getAsLong();
        notifyAll();
      }
      return;
    }
    if (cue.seq() == CueConventions.PROGRESS_CUE_SEQ) {
      Long latency = lastFinalOfPhrase.remove(stream);
      if (latency != null) {
        phraseEnds.add(latency);
      }
      return;
    }
    if (cue.isMarker() || !cue.isFinal() || cue.isWithdrawn()) {
      return; // other markers, partial revisions and withdrawn cues have no final latency
    }
    String identity = stream + "/" + cue.language() + "/" + cue.seq() + "/" + cue.revision();
    if (finalsSeen.add(identity)) {
      long latency = CueLatency.emittedMs(cue);
      emitted.add(latency);
      received.add(wallClockMs.getAsLong() - CueLatency.lastWordCaptureMs(cue));
      lastFinalOfPhrase.put(stream, latency);
    }
  }

  /**
   * Waits until every one of {@code streams} has ended, or {@code timeout} passes.
   *
   * @return whether they all ended
   */
  synchronized boolean awaitEnded(Collection<String> streams, Duration timeout)
      throws InterruptedException {
    long deadline = nanoClock.getAsLong() + timeout.toNanos();
    while (!ended.containsAll(streams)) {
      long leftMs = (deadline - nanoClock.getAsLong()) / 1_000_000;
      if (leftMs <= 0) {
        return false;
      }
      wait(leftMs);
    }
    return true;
  }

  /** Those of {@code streams} whose end-of-stream marker has not arrived, sorted. */
  synchronized Set<String> notEnded(Collection<String> streams) {
    Set<String> open = new TreeSet<>(streams);
    open.removeAll(ended);
    return open;
  }

  /** Monotonic-clock time at which the most recent stream ended; 0 before any did. */
  synchronized long lastEndNanos() {
    return lastEndNanos;
  }

  /** Final-cue latencies as the job emitted the cues, in arrival order. */
  synchronized long[] emittedLatenciesMs() {
    return emitted.stream().mapToLong(Long::longValue).toArray();
  }

  /** Latencies (as emitted) of the last final cue of each phrase, in arrival order. */
  synchronized long[] phraseEndLatenciesMs() {
    return phraseEnds.stream().mapToLong(Long::longValue).toArray();
  }

  /** Final-cue latencies as this consumer received the cues, in arrival order. */
  synchronized long[] receivedLatenciesMs() {
    return received.stream().mapToLong(Long::longValue).toArray();
  }
}
