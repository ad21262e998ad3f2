package io.livesubs.inference.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The segmentation logic on synthetic probabilities (one value per 512-sample window). With the
 * default config: min speech 250 ms = 4000 samples (8 windows), min silence 500 ms = 8000 samples
 * (16 windows), padding 200 ms = 3200 samples, max segment 12 s.
 */
class SegmentTrackerTest {
  private static final int W = SileroVad.WINDOW_SIZE;
  private static final long PAD = 3_200;

  /** Feeds probabilities as consecutive windows from {@code start}; returns all events. */
  private static List<VadEvent> feed(SegmentTracker t, long start, float[] probs) {
    List<VadEvent> out = new ArrayList<>();
    for (int i = 0; i < probs.length; i++) {
      t.onWindow(start + (long) i * W, start + (long) (i + 1) * W, probs[i], out);
    }
    return out;
  }

  private static float[] probs(Object... runs) {
    List<Float> all = new ArrayList<>();
    for (int i = 0; i < runs.length; i += 2) {
      int n = (Integer) runs[i];
      float p = ((Number) runs[i + 1]).floatValue();
      for (int k = 0; k < n; k++) {
        all.add(p);
      }
    }
    float[] out = new float[all.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i);
    }
    return out;
  }

  @Test
  void speechBurstGivesPaddedSegmentWithExactOffsets() {
    SegmentTracker t = new SegmentTracker(VadConfig.DEFAULT, 0);
    // 40 silent windows, 30 speech windows, 20 silent windows.
    List<VadEvent> events = feed(t, 0, probs(40, 0.05, 30, 0.9, 20, 0.05));
    long speechStart = 40L * W;
    long silenceStart = 70L * W;
    assertEquals(
        List.of(
            new SpeechStart(speechStart - PAD),
            new SpeechEnd(speechStart - PAD, silenceStart + PAD, SpeechEnd.EndReason.SILENCE)),
        events);
  }

  @Test
  void blipShorterThanMinSpeechIsDropped() {
    SegmentTracker t = new SegmentTracker(VadConfig.DEFAULT, 0);
    assertEquals(List.of(), feed(t, 0, probs(10, 0.0, 7, 0.95, 30, 0.0)));
    assertEquals(SpeechPhase.SILENCE, t.phase());
  }

  @Test
  void hysteresisKeepsSpeechBetweenThresholds() {
    SegmentTracker t = new SegmentTracker(VadConfig.DEFAULT, 0);
    // 0.4 is below the start threshold but above the end threshold: speech continues.
    List<VadEvent> events = feed(t, 0, probs(10, 0.9, 100, 0.4, 20, 0.1));
    assertEquals(2, events.size());
    SpeechEnd end = assertInstanceOf(SpeechEnd.class, events.get(1));
    assertEquals(110L * W + PAD, end.endSample());
    // ...but 0.4 alone never starts speech.
    SegmentTracker fresh = new SegmentTracker(VadConfig.DEFAULT, 0);
    assertEquals(List.of(), feed(fresh, 0, probs(100, 0.4)));
  }

  @Test
  void pauseShorterThanMinSilenceDoesNotSplitLongerOneDoes() {
    SegmentTracker t = new SegmentTracker(VadConfig.DEFAULT, 0);
    List<VadEvent> joined = feed(t, 0, probs(20, 0.9, 15, 0.0, 20, 0.9, 20, 0.0));
    assertEquals(2, joined.size(), "15 silent windows (480 ms) < 500 ms keep one segment");

    SegmentTracker u = new SegmentTracker(VadConfig.DEFAULT, 0);
    List<VadEvent> split = feed(u, 0, probs(20, 0.9, 17, 0.0, 20, 0.9, 20, 0.0));
    assertEquals(4, split.size());
    SpeechEnd first = assertInstanceOf(SpeechEnd.class, split.get(1));
    SpeechStart second = assertInstanceOf(SpeechStart.class, split.get(2));
    assertEquals(20L * W + PAD, first.endSample());
    // Second start would be 37 windows - pad; padding of neighbours may touch but never overlap.
    assertEquals(Math.max(37L * W - PAD, first.endSample()), second.sample());
  }

  @Test
  void continuousSpeechIsCutIntoContiguousSegmentsNoLongerThanMax() {
    VadConfig config = VadConfig.builder().maxSegmentMs(5_000).cutSearchMs(0).build();
    SegmentTracker t = new SegmentTracker(config, 1_000_000);
    List<VadEvent> events = feed(t, 1_000_000, probs(600, 0.95));
    List<SpeechEnd> ends = new ArrayList<>();
    for (VadEvent e : events) {
      if (e instanceof SpeechEnd end) {
        ends.add(end);
      }
    }
    assertTrue(ends.size() >= 3, "600 windows = 19.2 s give several 5 s segments: " + ends);
    for (int i = 0; i < ends.size(); i++) {
      SpeechEnd end = ends.get(i);
      assertEquals(SpeechEnd.EndReason.MAX_LENGTH, end.reason());
      assertTrue(end.length() <= VadConfig.samples(5_000), end.toString());
      if (i > 0) {
        assertEquals(ends.get(i - 1).endSample(), end.startSample(), "contiguous after a cut");
      }
    }
  }

  @Test
  void quietWindowInCutZoneCutsEarly() {
    VadConfig config = VadConfig.builder().maxSegmentMs(10_000).cutSearchMs(3_000).build();
    SegmentTracker t = new SegmentTracker(config, 0);
    // Speech from window 0; a dip to 0.3 at window 250 (8 s, inside the 7..10 s zone).
    List<VadEvent> events = feed(t, 0, probs(250, 0.95, 1, 0.3, 100, 0.95));
    SpeechEnd cut = assertInstanceOf(SpeechEnd.class, events.get(1));
    assertEquals(SpeechEnd.EndReason.MAX_LENGTH, cut.reason());
    assertEquals(251L * W, cut.endSample(), "cut at the end of the quiet window");
    // The same dip before the zone does nothing.
    SegmentTracker early = new SegmentTracker(config, 0);
    List<VadEvent> none = feed(early, 0, probs(100, 0.95, 1, 0.3, 100, 0.95));
    assertEquals(1, none.size());
  }

  @Test
  void flushEndsOpenSegmentAndDropsPendingSpeech() {
    SegmentTracker t = new SegmentTracker(VadConfig.DEFAULT, 0);
    feed(t, 0, probs(20, 0.9));
    List<VadEvent> out = new ArrayList<>();
    t.flush(20L * W + 100, out);
    assertEquals(List.of(new SpeechEnd(0, 20L * W + 100, SpeechEnd.EndReason.FLUSH)), out);

    SegmentTracker pending = new SegmentTracker(VadConfig.DEFAULT, 0);
    feed(pending, 0, probs(3, 0.9));
    assertEquals(SpeechPhase.PENDING, pending.phase());
    List<VadEvent> none = new ArrayList<>();
    pending.flush(3L * W, none);
    assertEquals(List.of(), none);
  }

  /**
   * Invariants over random probability sequences: starts and ends alternate, segments are
   * non-empty, ordered, non-overlapping and at most the max length, and every start is at or after
   * what {@code retainFrom} promised before the window that produced it.
   */
  @Test
  void invariantsHoldOnRandomProbabilities() {
    Random random = new Random(42);
    VadConfig config = VadConfig.builder().maxSegmentMs(4_000).cutSearchMs(1_000).build();
    for (int run = 0; run < 50; run++) {
      SegmentTracker t = new SegmentTracker(config, 0);
      long lastEnd = 0;
      Long open = null;
      float p = 0;
      for (int i = 0; i < 3_000; i++) {
        if (random.nextInt(20) == 0) {
          p = random.nextFloat();
        }
        long retain = t.retainFrom((long) i * W);
        List<VadEvent> out = new ArrayList<>();
        t.onWindow((long) i * W, (long) (i + 1) * W, p, out);
        for (VadEvent e : out) {
          if (e instanceof SpeechStart s) {
            assertEquals(null, open, "start while open");
            assertTrue(s.sample() >= retain, "start " + s + " before promised " + retain);
            assertTrue(s.sample() >= lastEnd, "overlap");
            open = s.sample();
          } else {
            SpeechEnd end = (SpeechEnd) e;
            assertEquals(open, end.startSample());
            assertTrue(end.endSample() <= (long) (i + 1) * W, "end in the future");
            assertTrue(end.length() <= VadConfig.samples(4_000), end.toString());
            lastEnd = end.endSample();
            open = null;
          }
        }
      }
    }
  }
}
