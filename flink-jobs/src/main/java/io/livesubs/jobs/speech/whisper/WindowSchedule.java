package io.livesubs.jobs.speech.whisper;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the windows of an open speech segment end: a PARTIAL every {@code step} samples counted
 * from the segment start (so the windows depend on the audio only, not on how it was cut into
 * blocks), a FINAL at the segment end, and a forced cut, a FINAL followed by a fresh part, whenever
 * a part reaches Whisper's 30 s window. Every window starts at the start of its part, so no window
 * is longer than 30 s. Pure and immutable; {@link WindowPlanner} keeps the {@link Part} in state.
 *
 * @param stepSamples audio between two PARTIAL windows
 * @param maxSamples longest window; a part that reaches it is cut
 * @param partials whether PARTIAL windows are planned at all (off: FINAL windows only)
 */
record WindowSchedule(long stepSamples, long maxSamples, boolean partials) {

  /** Validates the components. */
  WindowSchedule {
    if (stepSamples < 1 || maxSamples < stepSamples) {
      throw new IllegalArgumentException(
          "need 1 <= step <= max, got " + stepSamples + ", " + maxSamples);
    }
  }

  /** The schedule for {@code sampleRate} audio. */
  static WindowSchedule of(int sampleRate, int stepMs, int maxWindowMs, boolean partials) {
    return new WindowSchedule(
        (long) stepMs * sampleRate / 1000, (long) maxWindowMs * sampleRate / 1000, partials);
  }

  /**
   * The current part of an open segment.
   *
   * @param startSample its first sample (the segment start, or the last cut)
   * @param buffered samples it holds
   * @param decodedTo samples covered by its last window (0 before the first)
   */
  record Part(long startSample, long buffered, long decodedTo) {
    /** A fresh part starting at {@code startSample}. */
    static Part at(long startSample) {
      return new Part(startSample, 0, 0);
    }
  }

  /**
   * A planned window {@code [startSample, endSample)}, media samples.
   *
   * @param newSamples samples it adds to the part's previous window
   */
  record Span(SpeechWindow.Kind kind, long startSample, long endSample, long newSamples) {}

  /** Windows due after an append, and the part after it. */
  record Step(List<Span> windows, Part part) {
    Step {
      windows = List.copyOf(windows);
    }
  }

  /** Appends {@code samples} to {@code part}. */
  Step append(Part part, long samples) {
    List<Span> out = new ArrayList<>();
    long start = part.startSample();
    long buffered = part.buffered();
    long decoded = part.decodedTo();
    long left = samples;
    while (left > 0) {
      long take = Math.min(left, maxSamples - buffered);
      buffered += take;
      left -= take;
      if (partials) {
        for (long next = decoded + stepSamples;
            next <= buffered && next < maxSamples;
            next += stepSamples) {
          out.add(new Span(SpeechWindow.Kind.PARTIAL, start, start + next, next - decoded));
          decoded = next;
        }
      }
      if (buffered == maxSamples) {
        out.add(new Span(SpeechWindow.Kind.FINAL, start, start + buffered, buffered - decoded));
        start += buffered;
        buffered = 0;
        decoded = 0;
      }
    }
    return new Step(out, new Part(start, buffered, decoded));
  }

  /**
   * The FINAL window at the segment end: the whole part, whose {@code newSamples} is 0 when its
   * last PARTIAL already covered it (the hypothesis then is final as it is).
   */
  Span finish(Part part) {
    return new Span(
        SpeechWindow.Kind.FINAL,
        part.startSample(),
        part.startSample() + part.buffered(),
        part.buffered() - part.decodedTo());
  }
}
