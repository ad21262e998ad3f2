package io.livesubs.jobs.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.jobs.testing.KeyedHarness;
import io.livesubs.jobs.testing.SharedData;
import io.livesubs.jobs.testing.SpeechStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SpeechRecognizer} with the real Vosk model on real speech, in Flink's keyed harness. */
class SpeechRecognizerTest {

  private static final String CLIP =
      "speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-0870.wav";
  private static final long ANCHOR = 1_700_000_000_000L;
  private static final long START = 32_000; // the segment starts 2 s into the stream
  private static short[] clip;
  private static String reference;

  @BeforeAll
  static void load() throws Exception {
    SharedData.assumeVosk();
    clip = SharedData.wav("eval/" + CLIP);
    reference = SharedData.references().get(CLIP);
  }

  /** One segment holding the clip, in 200 ms AUDIO blocks, then the end of the stream. */
  private static List<SpeechAudio> segment(String stream, String language) {
    List<SpeechAudio> in = new ArrayList<>();
    in.add(SpeechAudio.start(stream, START, 16_000, ANCHOR, language));
    for (int at = 0; at < clip.length; at += SpeechStreams.CHUNK) {
      short[] block = Arrays.copyOfRange(clip, at, Math.min(clip.length, at + SpeechStreams.CHUNK));
      in.add(SpeechAudio.audio(stream, START, START + at, 16_000, block, ANCHOR, language));
    }
    long end = START + clip.length;
    in.add(SpeechAudio.endSegment(stream, START, end, 16_000, ANCHOR, language));
    in.add(SpeechAudio.endStream(stream, end + 16_000, 16_000, ANCHOR, language));
    return in;
  }

  private static KeyedHarness<SpeechAudio, Recognition> harness(
      AsrSettings settings, OperatorSubtaskState state) throws Exception {
    return KeyedHarness.open(
        new SpeechRecognizer(settings),
        SpeechAudio::streamId,
        TypeInformation.of(Recognition.class),
        state);
  }

  @Test
  void recognisesTheSegmentWithChangingPartialsThenAFinal() throws Exception {
    List<Recognition> out;
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(AsrSettings.defaults(), null)) {
      long started = System.nanoTime();
      h.sendAll(segment("s1", null));
      double seconds = (System.nanoTime() - started) / 1e9;
      out = h.output();
      assertEquals(0, h.stateEntries(), "state is cleared after the segment and the stream");
      double rtf = (Double) ((Gauge<?>) h.metric("asrRealTimeFactor")).getValue();
      assertTrue(rtf > 0 && rtf < 1, "ASR real-time factor " + rtf);
      System.out.printf(
          "SpeechRecognizer: %.1f s of speech in %.2f s wall, asrRealTimeFactor=%.3f%n",
          clip.length / 16_000.0, seconds, rtf);
    }
    List<Recognition> partials =
        out.stream().filter(r -> r.kind() == Recognition.Kind.PARTIAL).toList();
    assertTrue(partials.size() >= 3, "partials while speaking: " + partials);
    // One PARTIAL per hypothesis the engine computed (at the end of each 200 ms chunk here, as the
    // 100 ms interval has passed by then), changed or not: a repeat is a second opinion the caption
    // stage commits on.
    assertTrue(
        partials.size() >= clip.length / SpeechStreams.CHUNK,
        partials.size() + " partials for " + clip.length / SpeechStreams.CHUNK + " whole chunks");
    int repeats = 0;
    for (int i = 1; i < partials.size(); i++) {
      assertTrue(
          partials.get(i).segmentEndMs() > partials.get(i - 1).segmentEndMs(),
          "each PARTIAL has heard more audio: " + partials.subList(i - 1, i + 1));
      repeats += sameWords(partials.get(i - 1), partials.get(i)) ? 1 : 0;
    }
    assertTrue(repeats > 0, "unchanged hypotheses are sent too: " + partials);
    Recognition last = out.get(out.size() - 1);
    Recognition fin = out.get(out.size() - 2);
    assertEquals(Recognition.Kind.END_STREAM, last.kind());
    assertEquals(Recognition.Kind.FINAL, fin.kind());
    assertEquals("en", fin.language(), "the model's language when the stream gives none");
    assertTrue(fin.engine().startsWith("vosk:"), fin.engine());
    assertEquals(2_000, fin.segmentStartMs());
    assertEquals((START + clip.length) * 1000 / 16_000, fin.segmentEndMs());
    double wer = WordErrorRate.compare(reference, fin.text()).rate();
    assertTrue(wer < 0.25, "WER " + wer + ": '" + fin.text() + "' vs '" + reference + "'");
    for (RecognizedWord w : fin.words()) {
      assertTrue(
          w.startMs() >= fin.segmentStartMs() && w.endMs() <= fin.segmentEndMs(),
          "word inside its segment: " + w);
    }
  }

  private static boolean sameWords(Recognition a, Recognition b) {
    if (a.words().length != b.words().length) {
      return false;
    }
    for (int i = 0; i < a.words().length; i++) {
      RecognizedWord x = a.words()[i];
      RecognizedWord y = b.words()[i];
      if (!x.text().equals(y.text()) || x.startMs() != y.startMs() || x.endMs() != y.endMs()) {
        return false;
      }
    }
    return a.text().equals(b.text());
  }

  @Test
  void restoringMidSegmentRebuildsTheDecoderAndChangesNothing() throws Exception {
    List<SpeechAudio> in = segment("r", "en-US");
    List<Recognition> uninterrupted;
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(AsrSettings.defaults(), null)) {
      h.sendAll(in);
      uninterrupted = h.output();
    }
    int cut = in.size() / 2;
    List<Recognition> resumed = new ArrayList<>();
    OperatorSubtaskState state;
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(AsrSettings.defaults(), null)) {
      h.sendAll(in.subList(0, cut));
      resumed.addAll(h.output());
      state = h.snapshot();
    }
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(AsrSettings.defaults(), state)) {
      h.sendAll(in.subList(cut, in.size()));
      resumed.addAll(h.output());
      assertEquals(1, ((Counter) h.metric("sessionsRebuilt")).getCount());
    }
    assertEquals(uninterrupted, resumed);
    assertEquals("en-US", resumed.get(resumed.size() - 1).language(), "the stream's hint");
  }

  @Test
  void withoutPartialsOnlyTheSameFinalComes() throws Exception {
    List<Recognition> withPartials;
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(AsrSettings.defaults(), null)) {
      h.sendAll(segment("p", null));
      withPartials = h.output();
    }
    AsrSettings finalsOnly = AsrSettings.builder().emitPartials(false).build();
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(finalsOnly, null)) {
      h.sendAll(segment("p", null));
      assertEquals(withPartials.subList(withPartials.size() - 2, withPartials.size()), h.output());
    }
  }

  @Test
  void aLanguageTheModelDoesNotKnowIsNotRecognised() throws Exception {
    try (KeyedHarness<SpeechAudio, Recognition> h = harness(AsrSettings.defaults(), null)) {
      h.sendAll(segment("es", "es"));
      assertEquals(
          List.of(Recognition.Kind.END_STREAM),
          h.output().stream().map(Recognition::kind).toList());
      assertEquals(1, ((Counter) h.metric("segmentsSkippedLanguage")).getCount());
      assertEquals(0, h.stateEntries());
    }
  }
}
