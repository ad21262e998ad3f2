package io.livesubs.inference.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.testsupport.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpeechSegmenterTest {
  private static final String MIX = "longform/en_dev_mix.wav";
  private static SileroVad vad;

  @BeforeAll
  static void open() {
    vad = SileroVad.open(TestData.sileroModel());
  }

  @AfterAll
  static void close() {
    if (vad != null) {
      vad.close();
    }
  }

  private static List<VadEvent> run(SpeechSegmenter s, short[] pcm, int from, int to, int block) {
    List<VadEvent> events = new ArrayList<>();
    for (int i = from; i < to; i += block) {
      events.addAll(s.accept(pcm, i, Math.min(block, to - i)));
    }
    return events;
  }

  private static List<VadEvent> runAll(short[] pcm, int block) {
    SpeechSegmenter s = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
    List<VadEvent> events = run(s, pcm, 0, pcm.length, block);
    events.addAll(s.flush());
    return events;
  }

  @Test
  void digitalSilenceAndLowWhiteNoiseGiveNoSegments() {
    assertEquals(List.of(), runAll(new short[16_000 * 30], 1_600));
    Random random = new Random(7);
    for (double rms : new double[] {0.003, 0.03}) {
      short[] noise = new short[16_000 * 30];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = (short) Math.round(random.nextGaussian() * rms * 32767);
      }
      assertEquals(List.of(), runAll(noise, 1_600), "white noise at rms " + rms);
    }
  }

  @Test
  void eventsDoNotDependOnBlockSizesOrSampleFormat() {
    short[] pcm = TestData.slice(TestData.evalAudio(MIX), 0, 40);
    List<VadEvent> reference = runAll(pcm, pcm.length);
    assertTrue(reference.size() >= 8, "several segments expected: " + reference);
    assertEquals(reference, runAll(pcm, 1_600));
    assertEquals(reference, runAll(pcm, 333));
    float[] floats = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      floats[i] = pcm[i] / 32768f;
    }
    SpeechSegmenter s = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
    List<VadEvent> fromFloats = new ArrayList<>();
    for (int i = 0; i < floats.length; i += 700) {
      fromFloats.addAll(s.accept(floats, i, Math.min(700, floats.length - i)));
    }
    fromFloats.addAll(s.flush());
    assertEquals(reference, fromFloats);
  }

  /**
   * Snapshot (through its byte form) at arbitrary points, restore into a new segmenter, continue:
   * the events equal those of an uninterrupted run, including across a gap.
   */
  @Test
  void restoredSegmenterContinuesExactlyLikeAnUninterruptedOne() {
    short[] pcm = TestData.slice(TestData.evalAudio(MIX), 20, 80);
    int gapAt = 16_000 * 31 + 77;
    long gap = 16_000 * 3 + 5;
    long first = 123_456_789L;
    SpeechSegmenter straight = new SpeechSegmenter(vad, VadConfig.DEFAULT, first);
    List<VadEvent> expected = run(straight, pcm, 0, gapAt, 1_000);
    expected.addAll(straight.acceptGap(gap));
    expected.addAll(run(straight, pcm, gapAt, pcm.length, 1_000));
    expected.addAll(straight.flush());
    assertTrue(expected.size() >= 10, expected.toString());

    Random random = new Random(11);
    for (int trial = 0; trial < 6; trial++) {
      int split = trial == 0 ? gapAt : random.nextInt(pcm.length);
      int block = 1 + random.nextInt(3_000);
      SpeechSegmenter before = new SpeechSegmenter(vad, VadConfig.DEFAULT, first);
      List<VadEvent> events = new ArrayList<>();
      int upTo = Math.min(split, gapAt);
      events.addAll(run(before, pcm, 0, upTo, block));
      if (split >= gapAt) {
        events.addAll(before.acceptGap(gap));
        events.addAll(run(before, pcm, gapAt, split, block));
      }
      byte[] checkpoint = before.snapshot().toBytes();

      SpeechSegmenter after = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
      after.restore(SegmenterSnapshot.fromBytes(checkpoint));
      assertEquals(before.position(), after.position());
      if (split < gapAt) {
        events.addAll(run(after, pcm, split, gapAt, block));
        events.addAll(after.acceptGap(gap));
        events.addAll(run(after, pcm, gapAt, pcm.length, block));
      } else {
        events.addAll(run(after, pcm, split, pcm.length, block));
      }
      events.addAll(after.flush());
      assertEquals(expected, events, "split at " + split + ", block " + block);
    }
  }

  @Test
  void gapEndsSpeechAndKeepsExactTiming() {
    short[] pcm = TestData.evalAudio(MIX);
    // Cut in the middle of the first clip (0..7.1 s), then a one-hour gap.
    int cut = 16_000 * 4;
    SpeechSegmenter s = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
    List<VadEvent> before = run(s, pcm, 0, cut, 1_600);
    assertEquals(SpeechPhase.SPEECH, s.phase());
    long hour = 16_000L * 3_600 + 301;
    List<VadEvent> atGap = s.acceptGap(hour);
    SpeechEnd end = assertInstanceOf(SpeechEnd.class, atGap.get(0));
    assertEquals(((SpeechStart) before.get(0)).sample(), end.startSample());
    assertEquals(SpeechEnd.EndReason.SILENCE, end.reason());
    assertTrue(end.endSample() > cut - 1_024 && end.endSample() <= cut + 3_200, end.toString());
    assertEquals(cut + hour, s.position());
    assertEquals(SpeechPhase.SILENCE, s.phase());
  }

  /** After a window-aligned gap the segmenter behaves like a fresh one started there. */
  @Test
  void afterAGapEventsMatchAFreshSegmenterAtTheSameOffset() {
    short[] pcm = TestData.evalAudio(MIX);
    short[] clipA = TestData.slice(pcm, 0, 3.2);
    short[] clipB = TestData.slice(pcm, 7.3, 20.0); // starts inside a 1 s silence
    long gap = 512L * 10_000 - clipA.length % 512;
    long resume = clipA.length + gap;
    assertEquals(0, resume % 512);

    SpeechSegmenter gapped = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
    run(gapped, clipA, 0, clipA.length, 1_600);
    gapped.acceptGap(gap);
    List<VadEvent> afterGap = run(gapped, clipB, 0, clipB.length, 1_600);

    SpeechSegmenter fresh = new SpeechSegmenter(vad, VadConfig.DEFAULT, resume);
    List<VadEvent> expected = run(fresh, clipB, 0, clipB.length, 1_600);
    assertFalse(expected.isEmpty());
    assertEquals(expected, afterGap);
  }

  @Test
  void startsNeverPrecedeWhatRetainFromPromised() {
    short[] pcm = TestData.slice(TestData.evalAudio(MIX), 0, 60);
    SpeechSegmenter s = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
    int starts = 0;
    for (int i = 0; i < pcm.length; i += 800) {
      long retain = s.retainFrom();
      for (VadEvent e : s.accept(pcm, i, Math.min(800, pcm.length - i))) {
        if (e instanceof SpeechStart start) {
          starts++;
          assertTrue(start.sample() >= retain, start + " before " + retain);
        }
      }
      assertTrue(s.retainFrom() <= s.position());
    }
    assertTrue(starts >= 8);
  }

  @Test
  void rejectsNonFiniteSamplesNamingTheIndex() {
    SpeechSegmenter s = new SpeechSegmenter(vad, VadConfig.DEFAULT, 0);
    float[] block = new float[100];
    block[42] = Float.NaN;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.accept(block, 0, 100));
    assertTrue(e.getMessage().contains("42"), e.getMessage());
    assertEquals(0, s.position(), "nothing of the bad block was fed");
    assertThrows(IllegalArgumentException.class, () -> s.acceptGap(-1));
  }
}
