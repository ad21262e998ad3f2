package io.livesubs.inference.vad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.onnx.OrtSessionConfig;
import io.livesubs.inference.testsupport.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SileroVadTest {
  private static final String SPEECH =
      "speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-0870.wav";
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

  private static List<float[]> windows(short[] pcm) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i + SileroVad.WINDOW_SIZE <= pcm.length; i += SileroVad.WINDOW_SIZE) {
      float[] w = new float[SileroVad.WINDOW_SIZE];
      for (int k = 0; k < w.length; k++) {
        w[k] = pcm[i + k] / 32768f;
      }
      out.add(w);
    }
    return out;
  }

  private static float[] probabilities(List<float[]> windows) {
    float[] p = new float[windows.size()];
    VadState state = VadState.initial();
    for (int i = 0; i < p.length; i++) {
      VadStep step = vad.step(windows.get(i), state);
      p[i] = step.probability();
      state = step.next();
    }
    return p;
  }

  @Test
  void speechScoresHighAndDigitalSilenceLow() {
    float[] speech = probabilities(windows(TestData.evalAudio(SPEECH)));
    int voiced = 0;
    for (float p : speech) {
      voiced += p >= 0.5f ? 1 : 0;
    }
    assertTrue(voiced > speech.length * 0.6, "voiced windows: " + voiced + "/" + speech.length);
    for (float p : probabilities(windows(new short[16_000 * 5]))) {
      assertTrue(p < 0.1f, "silence scored " + p);
    }
  }

  @Test
  void stateCarriesTheLastSixtyFourSamplesAsContext() {
    float[] window = new float[SileroVad.WINDOW_SIZE];
    for (int i = 0; i < window.length; i++) {
      window[i] = i / 1024f;
    }
    VadState next = vad.step(window, VadState.initial()).next();
    float[] expected = new float[VadState.CONTEXT_SIZE];
    System.arraycopy(window, window.length - expected.length, expected, 0, expected.length);
    assertArrayEquals(expected, next.context());
  }

  /** Three streams in one batched call match three single-stream calls. */
  @Test
  void batchedCallsMatchSingleStreamCalls() {
    List<List<float[]>> streams =
        List.of(
            windows(TestData.evalAudio(SPEECH)),
            windows(TestData.evalAudio("speech/en/ljspeech/LJ050-0131.wav")),
            windows(TestData.evalAudio("speech/en/asterisk/agent-pass.wav")));
    int n = 60;
    List<VadState> states =
        new ArrayList<>(List.of(VadState.initial(), VadState.initial(), VadState.initial()));
    float[][] batched = new float[3][n];
    for (int i = 0; i < n; i++) {
      final int w = i;
      List<VadStep> steps = vad.stepBatch(streams.stream().map(s -> s.get(w)).toList(), states);
      for (int s = 0; s < 3; s++) {
        batched[s][i] = steps.get(s).probability();
        states.set(s, steps.get(s).next());
      }
    }
    for (int s = 0; s < 3; s++) {
      float[] single = probabilities(streams.get(s).subList(0, n));
      for (int i = 0; i < n; i++) {
        assertEquals(single[i], batched[s][i], 1e-4f, "stream " + s + " window " + i);
      }
    }
  }

  /** One shared instance used from several threads gives the same results as sequential use. */
  @Test
  void concurrentUseFromManyThreadsIsSafe() throws Exception {
    List<float[]> windows = windows(TestData.evalAudio(SPEECH));
    float[] expected = probabilities(windows);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> probabilities(windows)));
      }
      for (Future<float[]> f : results) {
        assertArrayEquals(expected, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void instancesShareOneSessionPerModelAndConfig() throws Exception {
    Path model = TestData.sileroModel();
    OrtSessionConfig config = OrtSessionConfig.builder().interOpThreads(2).build();
    SileroVad a = SileroVad.open(model, config);
    SileroVad b = SileroVad.open(model, config);
    assertEquals(2, SileroVad.sharedSessionLeases(model, config));
    a.close();
    a.close();
    assertEquals(1, SileroVad.sharedSessionLeases(model, config));
    assertThrows(
        IllegalStateException.class,
        () -> a.step(new float[SileroVad.WINDOW_SIZE], VadState.initial()));
    b.step(new float[SileroVad.WINDOW_SIZE], VadState.initial());
    b.close();
    assertEquals(0, SileroVad.sharedSessionLeases(model, config));
  }

  @Test
  void rejectsWrongWindowSizeAndMismatchedBatch() {
    assertThrows(
        IllegalArgumentException.class, () -> vad.step(new float[500], VadState.initial()));
    assertThrows(
        IllegalArgumentException.class,
        () -> vad.stepBatch(List.of(new float[SileroVad.WINDOW_SIZE]), List.of()));
  }
}
