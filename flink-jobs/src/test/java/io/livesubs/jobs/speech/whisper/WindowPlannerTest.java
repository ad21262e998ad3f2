package io.livesubs.jobs.speech.whisper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livesubs.jobs.speech.SpeechAudio;
import io.livesubs.jobs.speech.whisper.SpeechWindow.Kind;
import io.livesubs.jobs.testing.KeyedHarness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.Test;

/**
 * The planner in Flink's keyed operator harness: windows carry exactly the segment's audio up to
 * each step, a restore from a mid-segment snapshot continues with the same windows, forced cuts
 * keep the audio after them, and END_STREAM leaves no state behind.
 */
class WindowPlannerTest {
  private static final int RATE = 16_000;
  private static final long START = 8_000;

  /** Step 100 ms (1600 samples), cut at 250 ms (4000 samples). */
  private static WindowPlanner planner() {
    return new WindowPlanner(100, 250, true);
  }

  private static KeyedHarness<SpeechAudio, SpeechWindow> open(OperatorSubtaskState state)
      throws Exception {
    return KeyedHarness.open(
        planner(), SpeechAudio::streamId, TypeInformation.of(SpeechWindow.class), state);
  }

  private static short[] ramp(int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) (i % 30_000 + 1);
    }
    return s;
  }

  /** START, {@code audio} in blocks of {@code block}, END_SEGMENT, END_STREAM for stream "s". */
  private static List<SpeechAudio> segment(short[] audio, int block) {
    List<SpeechAudio> in = new ArrayList<>();
    in.add(SpeechAudio.start("s", START, RATE, 5, "en"));
    for (int off = 0; off < audio.length; off += block) {
      short[] b = Arrays.copyOfRange(audio, off, Math.min(audio.length, off + block));
      in.add(SpeechAudio.audio("s", START, START + off, RATE, b, 5, "en"));
    }
    in.add(SpeechAudio.endSegment("s", START, START + audio.length, RATE, 5, "en"));
    in.add(SpeechAudio.endStream("s", START + audio.length + 4000, RATE, 5, "en"));
    return in;
  }

  private static List<SpeechWindow> run(List<SpeechAudio> in) throws Exception {
    try (KeyedHarness<SpeechAudio, SpeechWindow> h = open(null)) {
      h.sendAll(in);
      return h.output();
    }
  }

  @Test
  void windowsCarryTheSegmentAudioUpToEachStep() throws Exception {
    short[] audio = ramp(3500); // 218 ms: partials at 1600 and 3200, final at 3500
    List<SpeechWindow> out = run(segment(audio, 700));
    assertEquals(
        List.of(Kind.PARTIAL, Kind.PARTIAL, Kind.FINAL, Kind.END_STREAM),
        out.stream().map(SpeechWindow::kind).toList());
    long[] ends = {1600, 3200, 3500};
    for (int i = 0; i < 3; i++) {
      SpeechWindow w = out.get(i);
      assertEquals(START, w.startSample());
      assertEquals(START + ends[i], w.endSample());
      assertArrayEquals(Arrays.copyOf(audio, (int) ends[i]), w.samples(), "window " + i);
      assertEquals("en", w.languageHint());
    }
    assertEquals(300, out.get(2).newSamples());
    assertEquals(START + 3500 + 4000, out.get(3).endSample());
    assertEquals(out, run(segment(audio, 1234)), "the same windows whatever the blocks");
  }

  @Test
  void aRestoreMidSegmentContinuesWithTheSameWindows() throws Exception {
    short[] audio = ramp(3500);
    List<SpeechAudio> in = segment(audio, 500);
    List<SpeechWindow> uninterrupted = run(in);
    List<SpeechWindow> out = new ArrayList<>();
    OperatorSubtaskState state;
    try (KeyedHarness<SpeechAudio, SpeechWindow> h = open(null)) {
      h.sendAll(in.subList(0, 5)); // START and 2000 samples: one partial so far
      out.addAll(h.output());
      state = h.snapshot();
    }
    try (KeyedHarness<SpeechAudio, SpeechWindow> h = open(state)) {
      h.sendAll(in.subList(5, in.size()));
      out.addAll(h.output());
      assertEquals(0, h.stateEntries(), "END_STREAM clears the stream's state");
    }
    assertEquals(uninterrupted, out);
  }

  @Test
  void aSegmentReachingTheWindowLimitIsCutAndKeepsTheAudioAfterTheCut() throws Exception {
    short[] audio = ramp(9000); // cut at 4000 and 8000 samples
    List<SpeechWindow> out = run(segment(audio, 900));
    List<SpeechWindow> finals = out.stream().filter(w -> w.kind() == Kind.FINAL).toList();
    assertEquals(3, finals.size());
    long[][] spans = {{0, 4000}, {4000, 8000}, {8000, 9000}};
    for (int i = 0; i < 3; i++) {
      SpeechWindow w = finals.get(i);
      assertEquals(START + spans[i][0], w.startSample());
      assertEquals(START + spans[i][1], w.endSample());
      assertArrayEquals(
          Arrays.copyOfRange(audio, (int) spans[i][0], (int) spans[i][1]), w.samples());
    }
    SpeechWindow afterCut =
        out.stream()
            .filter(w -> w.kind() == Kind.PARTIAL && w.startSample() == START + 4000)
            .findFirst()
            .orElseThrow();
    assertArrayEquals(Arrays.copyOfRange(audio, 4000, 5600), afterCut.samples());
    for (SpeechWindow w : out) {
      assertEquals(true, w.endSample() - w.startSample() <= 4000, "within the limit: " + w);
    }
  }

  @Test
  void aFinalWithoutNewAudioCarriesNoSamplesAndMetricsCount() throws Exception {
    try (KeyedHarness<SpeechAudio, SpeechWindow> h = open(null)) {
      h.sendAll(segment(ramp(3200), 800));
      SpeechWindow fin = h.output().get(2);
      assertEquals(Kind.FINAL, fin.kind());
      assertEquals(0, fin.samples().length, "the last partial covered it");
      assertEquals(3, ((Counter) h.metric("whisperWindowsPlanned")).getCount());
      assertEquals(0, ((Counter) h.metric("whisperSegmentCuts")).getCount());
    }
  }
}
