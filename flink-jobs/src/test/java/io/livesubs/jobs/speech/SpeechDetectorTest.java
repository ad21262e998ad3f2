package io.livesubs.jobs.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.models.ModelLocator;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.inference.vad.SpeechEnd;
import io.livesubs.inference.vad.SpeechSegmenter;
import io.livesubs.inference.vad.SpeechStart;
import io.livesubs.inference.vad.VadEvent;
import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.testing.KeyedHarness;
import io.livesubs.jobs.testing.SharedData;
import io.livesubs.jobs.testing.SpeechStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SpeechDetector} with the real Silero VAD on real speech, in Flink's keyed harness. */
class SpeechDetectorTest {

  private static final String LONGFORM = "eval/longform/en_dev_mix.wav";
  private static final long T0 = 1_700_000_000_000L;
  private static short[] minute;

  @BeforeAll
  static void load() throws Exception {
    SharedData.assumeSileroVad();
    minute = SharedData.wav(LONGFORM, 60);
  }

  private static KeyedHarness<OrderedAudio, SpeechAudio> harness(OperatorSubtaskState state)
      throws Exception {
    return KeyedHarness.open(
        new SpeechDetector(VadSettings.defaults()),
        OrderedAudio::streamId,
        TypeInformation.of(SpeechAudio.class),
        state);
  }

  /** A segment as the detector emitted it: START/END positions and the audio in between. */
  private record Segment(long start, long end, short[] audio) {}

  private static List<Segment> segments(List<SpeechAudio> out) {
    List<Segment> segments = new ArrayList<>();
    long start = -1;
    short[] audio = new short[0];
    for (SpeechAudio s : out) {
      switch (s.kind()) {
        case START -> {
          assertEquals(-1, start, "START inside a segment: " + out);
          start = s.segmentStartSample();
          audio = new short[0];
        }
        case AUDIO -> {
          assertEquals(start, s.segmentStartSample());
          assertEquals(start + audio.length, s.mediaOffsetSamples(), "audio is contiguous");
          short[] more = Arrays.copyOf(audio, audio.length + s.samples().length);
          System.arraycopy(s.samples(), 0, more, audio.length, s.samples().length);
          audio = more;
        }
        case END_SEGMENT -> {
          assertEquals(start + audio.length, s.mediaOffsetSamples(), "segment audio complete");
          segments.add(new Segment(start, s.mediaOffsetSamples(), audio));
          start = -1;
        }
        case END_STREAM -> assertEquals(-1, start, "segment left open at END_STREAM");
      }
    }
    return segments;
  }

  /** The events of a plain segmenter fed the same chunks, flushed at the end. */
  private static List<VadEvent> reference(List<OrderedAudio> input) {
    List<VadEvent> events = new ArrayList<>();
    try (SileroVad vad = SileroVad.open(ModelLocator.fromEnvironment().sileroVad(null))) {
      SpeechSegmenter segmenter = new SpeechSegmenter(vad, VadSettings.defaults().vadConfig(), 0);
      for (OrderedAudio a : input) {
        switch (a.kind()) {
          case DATA -> events.addAll(segmenter.accept(a.samples(), 0, a.samples().length));
          case GAP -> events.addAll(segmenter.acceptGap(a.sampleCount()));
          case END -> events.addAll(segmenter.flush());
        }
      }
    }
    return events;
  }

  private static List<Long> boundaries(List<VadEvent> events) {
    List<Long> out = new ArrayList<>();
    for (VadEvent e : events) {
      out.add(e instanceof SpeechStart s ? s.sample() : ((SpeechEnd) e).endSample());
    }
    return out;
  }

  @Test
  void onRealSpeechEmitsExactlyTheSegmentersSegmentsWithTheirAudio() throws Exception {
    List<OrderedAudio> input = SpeechStreams.ordered("s1", minute, T0);
    List<SpeechAudio> out;
    try (KeyedHarness<OrderedAudio, SpeechAudio> h = harness(null)) {
      long started = System.nanoTime();
      h.sendAll(input);
      double seconds = (System.nanoTime() - started) / 1e9;
      out = h.output();
      assertEquals(0, h.stateEntries(), "state is cleared after END");
      assertEquals(60.0, (Double) ((Gauge<?>) h.metric("audioSecondsProcessed")).getValue(), 0.01);
      double ratio = (Double) ((Gauge<?>) h.metric("speechRatio")).getValue();
      double rtf = (Double) ((Gauge<?>) h.metric("vadRealTimeFactor")).getValue();
      assertTrue(ratio > 0.5 && ratio < 0.99, "speech ratio " + ratio);
      assertTrue(rtf > 0 && rtf < 0.5, "VAD real-time factor " + rtf);
      System.out.printf(
          "SpeechDetector: 60 s in %.2f s wall, vadRealTimeFactor=%.4f, speechRatio=%.2f%n",
          seconds, rtf, ratio);
    }
    List<Segment> segments = segments(out);
    List<Long> expected = boundaries(reference(input));
    List<Long> actual = new ArrayList<>();
    segments.forEach(s -> actual.addAll(List.of(s.start(), s.end())));
    assertEquals(expected, actual);
    assertTrue(segments.size() >= 6, "the minute has clips with 1 s silences: " + segments.size());
    for (Segment s : segments) {
      assertArrayEquals(
          Arrays.copyOfRange(minute, (int) s.start(), (int) s.end()),
          s.audio(),
          "segment audio is the input audio");
    }
    SpeechAudio last = out.get(out.size() - 1);
    assertEquals(SpeechAudio.Kind.END_STREAM, last.kind());
    assertEquals(minute.length, last.mediaOffsetSamples());
    assertEquals(T0, last.captureAnchorMs());
  }

  @Test
  void digitalSilenceEmitsNothingButTheEnd() throws Exception {
    short[] silence = new short[10 * 16_000];
    List<OrderedAudio> input = SpeechStreams.ordered("quiet", silence, T0);
    try (KeyedHarness<OrderedAudio, SpeechAudio> h = harness(null)) {
      h.sendAll(input.subList(0, input.size() - 1));
      assertEquals(List.of(), h.output());
      assertEquals(1, h.stateEntries());
      long lag = (Long) ((Gauge<?>) h.metric("maxLagBehindLiveMs")).getValue();
      long sinceCapture = System.currentTimeMillis() - (T0 + 10_000);
      assertTrue(lag >= sinceCapture && lag < sinceCapture + 60_000, "lag " + lag);
      h.send(input.get(input.size() - 1));
      assertEquals(-1L, ((Gauge<?>) h.metric("maxLagBehindLiveMs")).getValue(), "stream ended");
      assertEquals(
          List.of(SpeechAudio.Kind.END_STREAM),
          h.output().stream().map(SpeechAudio::kind).toList());
      assertEquals(0, h.stateEntries());
    }
  }

  @Test
  void gapsAreSilenceWithExactTiming() throws Exception {
    List<OrderedAudio> input = new ArrayList<>(SpeechStreams.ordered("g", minute, T0));
    // Chunks 40..44 (1 s in the middle of speech) and 150 never arrived.
    for (int k : new int[] {150, 40}) {
      OrderedAudio lost = input.get(k);
      int count = k == 40 ? 5 : 1;
      long samples = (long) count * SpeechStreams.CHUNK;
      input.subList(k, k + count).clear();
      input.add(
          k,
          OrderedAudio.gap(
              "g", lost.seq(), count, lost.mediaOffsetSamples(), samples, 16_000, 0, "en"));
    }
    List<SpeechAudio> out;
    try (KeyedHarness<OrderedAudio, SpeechAudio> h = harness(null)) {
      h.sendAll(input);
      out = h.output();
    }
    List<Long> actual = new ArrayList<>();
    segments(out).forEach(s -> actual.addAll(List.of(s.start(), s.end())));
    assertEquals(boundaries(reference(input)), actual);
    assertEquals(minute.length, out.get(out.size() - 1).mediaOffsetSamples());
  }

  @Test
  void restoringMidSegmentGivesTheSameOutputAsAnUninterruptedRun() throws Exception {
    List<OrderedAudio> input = SpeechStreams.ordered("r", minute, T0);
    List<SpeechAudio> uninterrupted;
    try (KeyedHarness<OrderedAudio, SpeechAudio> h = harness(null)) {
      h.sendAll(input);
      uninterrupted = h.output();
    }
    int cut = chunkInsideSecondSegment(uninterrupted);
    List<SpeechAudio> resumed = new ArrayList<>();
    OperatorSubtaskState state;
    try (KeyedHarness<OrderedAudio, SpeechAudio> h = harness(null)) {
      h.sendAll(input.subList(0, cut));
      resumed.addAll(h.output());
      assertTrue(segments(resumed).size() < segments(uninterrupted).size());
      state = h.snapshot();
    }
    try (KeyedHarness<OrderedAudio, SpeechAudio> h = harness(state)) {
      h.sendAll(input.subList(cut, input.size()));
      resumed.addAll(h.output());
    }
    assertEquals(uninterrupted, resumed);
  }

  /** Index of a chunk that arrives while the second segment is open (after its START). */
  private static int chunkInsideSecondSegment(List<SpeechAudio> out) {
    long secondStart =
        out.stream()
            .filter(s -> s.kind() == SpeechAudio.Kind.START)
            .skip(1)
            .findFirst()
            .orElseThrow()
            .segmentStartSample();
    // Starts are confirmed a few hundred ms late; 1 s after the start the segment is surely open.
    return (int) ((secondStart + 16_000) / SpeechStreams.CHUNK);
  }
}
