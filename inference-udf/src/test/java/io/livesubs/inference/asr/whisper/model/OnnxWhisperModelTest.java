package io.livesubs.inference.asr.whisper.model;

import static io.livesubs.inference.asr.whisper.model.StandInInputs.assertClose;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.decode;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.maxDiff;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.mel;
import static io.livesubs.inference.asr.whisper.model.StandInInputs.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import io.livesubs.inference.onnx.OrtRuntime;
import io.livesubs.inference.onnx.OrtSessionConfig;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link OnnxWhisperModel} on the tiny-shaped stand-in (random weights, real architecture), in both
 * decoder layouts generated from the same seed.
 */
class OnnxWhisperModelTest {
  private static final double TOLERANCE = 1e-4;

  private static Path mergedDir;
  private static Path splitDir;
  private static OnnxWhisperModel merged;
  private static OnnxWhisperModel split;

  @BeforeAll
  static void openModels() {
    mergedDir = StandInModels.tiny(DecoderLayout.MERGED);
    splitDir = StandInModels.tiny(DecoderLayout.SPLIT);
    merged = OnnxWhisperModel.open(mergedDir);
    split = OnnxWhisperModel.open(splitDir);
  }

  @AfterAll
  static void closeModels() {
    if (merged != null) {
      merged.close();
    }
    if (split != null) {
      split.close();
    }
  }

  @Test
  void readsTheTinyArchitectureAndReturnsOneLogitRowPerWindow() {
    WhisperModelConfig config = merged.config();
    assertEquals("whisper-tiny-standin", config.name());
    assertEquals(384, config.modelDim());
    assertEquals(4, config.encoderLayers());
    assertEquals(4, config.decoderLayers());
    assertEquals(6, config.heads());
    assertEquals(80, config.melBins());
    assertEquals(1500, config.audioContext());
    assertEquals(448, config.textContext());
    assertEquals(51865, config.vocabSize());
    assertTrue(config.multilingual());
    assertEquals(99, config.numLanguages());
    assertEquals(DecoderLayout.MERGED, merged.folder().layout());
    assertEquals(DecoderLayout.SPLIT, split.folder().layout());

    try (DecoderBatch batch = merged.startBatch(List.of(mel(80, 1), mel(80, 2)))) {
      assertEquals(2, batch.size());
      assertEquals(0, batch.position());
      float[][] logits = batch.step(new int[] {50258, 50258});
      assertEquals(2, logits.length);
      assertEquals(51865, logits[0].length);
      for (float[] row : logits) {
        for (float v : row) {
          assertTrue(Float.isFinite(v), "logit " + v);
        }
      }
      // Same token, different audio: the rows must differ, or the encoder output is ignored.
      assertTrue(maxDiff(logits[0], logits[1]) > 1e-3, "rows do not depend on their audio");
    }
  }

  @Test
  void cachedSteppingEqualsRecomputingTheWholePrefix() throws Exception {
    float[] window = mel(80, 7);
    int[] sequence = StandInInputs.PROMPT;
    List<float[][]> stepped = decode(split, List.of(window), new int[][] {sequence});

    // Reference: the first-step graph (no cache) fed the whole prefix at once, every time.
    OrtSessionConfig cpu = OrtSessionConfig.DEFAULT;
    try (OrtSession encoder = OrtRuntime.openSession(splitDir.resolve("encoder_model.onnx"), cpu);
        OrtSession decoder = OrtRuntime.openSession(splitDir.resolve("decoder_model.onnx"), cpu);
        OnnxTensor features =
            OnnxTensor.createTensor(
                OrtRuntime.environment(), FloatBuffer.wrap(window), new long[] {1, 80, 3000});
        OrtSession.Result encoded = encoder.run(Map.of("input_features", features))) {
      OnnxTensor states = (OnnxTensor) encoded.get("last_hidden_state").orElseThrow();
      for (int t = 1; t <= sequence.length; t++) {
        long[] prefix = new long[t];
        for (int i = 0; i < t; i++) {
          prefix[i] = sequence[i];
        }
        try (OnnxTensor ids =
                OnnxTensor.createTensor(
                    OrtRuntime.environment(), LongBuffer.wrap(prefix), new long[] {1, t});
            OrtSession.Result out =
                decoder.run(Map.of("input_ids", ids, "encoder_hidden_states", states))) {
          FloatBuffer all = ((OnnxTensor) out.get("logits").orElseThrow()).getFloatBuffer();
          float[] last = new float[51865];
          all.position((t - 1) * 51865);
          all.get(last);
          assertClose(last, stepped.get(t - 1)[0], TOLERANCE, "step " + (t - 1));
        }
      }
    }
    assertTrue(
        maxDiff(stepped.get(3)[0], stepped.get(4)[0]) > 1e-3, "logits do not change with steps");
  }

  @Test
  void eachRowOfABatchGetsTheLogitsItGetsAlone() {
    int rows = 3;
    int length = 6;
    List<float[]> mels = new ArrayList<>();
    int[][] sequences = new int[rows][];
    for (int r = 0; r < rows; r++) {
      mels.add(mel(80, 100 + r));
      sequences[r] = tokens(r, length);
    }
    List<float[][]> together = decode(merged, mels, sequences);
    for (int r = 0; r < rows; r++) {
      List<float[][]> alone = decode(merged, List.of(mels.get(r)), new int[][] {sequences[r]});
      for (int s = 0; s < length; s++) {
        assertClose(alone.get(s)[0], together.get(s)[r], TOLERANCE, "row " + r + " step " + s);
      }
    }
    assertTrue(maxDiff(together.get(length - 1)[0], together.get(length - 1)[1]) > 1e-3);
  }

  @Test
  void mergedAndSplitLayoutsOfTheSameWeightsAgree() {
    List<float[]> mels = List.of(mel(80, 11), mel(80, 12));
    int[][] sequences = {tokens(0, 7), tokens(1, 7)};
    List<float[][]> a = decode(merged, mels, sequences);
    List<float[][]> b = decode(split, mels, sequences);
    for (int s = 0; s < a.size(); s++) {
      for (int r = 0; r < 2; r++) {
        assertClose(a.get(s)[r], b.get(s)[r], TOLERANCE, "step " + s + " row " + r);
      }
    }
  }

  @Test
  void concurrentBatchesFromManyThreadsMatchSequentialRuns() throws Exception {
    int threads = 4;
    List<float[][]> expected = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      expected.add(decode(merged, List.of(mel(80, 200 + t)), new int[][] {tokens(t, 5)}).get(4));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<float[][]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () ->
                    decode(merged, List.of(mel(80, 200 + id)), new int[][] {tokens(id, 5)})
                        .get(4)));
      }
      for (int t = 0; t < threads; t++) {
        assertClose(
            expected.get(t)[0], futures.get(t).get(2, TimeUnit.MINUTES)[0], 1e-5, "thread " + t);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badCallsFailWithMessagesNamingTheProblem() {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> merged.startBatch(List.of()));
    assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
    IllegalArgumentException shortWindow =
        assertThrows(
            IllegalArgumentException.class,
            () -> merged.startBatch(List.of(mel(80, 1), new float[80 * 100])));
    assertTrue(
        shortWindow.getMessage().contains("mel window 1 has 8000 floats"),
        shortWindow.getMessage());

    DecoderBatch batch = merged.startBatch(List.of(mel(80, 1), mel(80, 2)));
    IllegalArgumentException count =
        assertThrows(IllegalArgumentException.class, () -> batch.step(new int[] {50258}));
    assertTrue(count.getMessage().contains("2 rows, got 1 tokens"), count.getMessage());
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class, () -> batch.step(new int[] {50258, 51865}));
    assertTrue(range.getMessage().contains("token 51865 of row 1"), range.getMessage());
    assertEquals(0, batch.position(), "a rejected step must not advance the batch");
    batch.step(new int[] {50258, 50258});
    batch.close();
    batch.close();
    assertThrows(IllegalStateException.class, () -> batch.step(new int[] {1, 1}));
  }

  @Test
  void theTextContextEndsAfter448Positions() {
    try (DecoderBatch batch = split.startBatch(List.of(mel(80, 3)))) {
      for (int i = 0; i < 448; i++) {
        batch.step(new int[] {i % 2 == 0 ? 50258 : 1000});
      }
      assertEquals(448, batch.position());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> batch.step(new int[] {1000}));
      assertTrue(e.getMessage().contains("448"), e.getMessage());
    }
  }

  @Test
  void aClosedModelRefusesWorkAndClosesOnce() {
    OnnxWhisperModel model = OnnxWhisperModel.open(mergedDir);
    model.close();
    model.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> model.startBatch(List.of(mel(80, 1))));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertFalse(model.toString().isEmpty());
  }
}
