package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.bench.WhisperModelTiming.BatchTiming;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of phase (2): batch time, throughput, real-time factor, best batch, streams. */
class WhisperBatchCurveTest {

  private static final double EPS = 1e-9;

  /** Encoder 100/300/700 ms, decoder 2/3/5 ms per step at batch 1/4/8; 20 steps, 1 s step. */
  private static WhisperBatchCurve curve(int stepMs) {
    return WhisperBatchCurve.of(
        List.of(
            new BatchTiming(8, 700, 5, 2),
            new BatchTiming(1, 100, 2, 3),
            new BatchTiming(4, 300, 3, 2)),
        20,
        stepMs);
  }

  @Test
  void eachPointFollowsFromTheTimings() {
    WhisperBatchCurve curve = curve(1000);
    assertEquals(
        List.of(1, 4, 8), curve.points().stream().map(WhisperBatchCurve.Point::batch).toList());
    WhisperBatchCurve.Point four = curve.points().get(1);
    assertEquals(300 + 20 * 3, four.batchMs(), EPS);
    assertEquals(75, four.encoderMsPerWindow(), EPS);
    assertEquals(4 * 1000.0 / 360, four.windowsPerSecond(), EPS);
    assertEquals(0.36, four.rtfPerStream(), EPS);
    assertEquals(1000.0 / 360, four.xrtPerStream(), EPS);
    assertEquals(4 * 1000.0 / 360, four.streams(), EPS);
    assertTrue(four.keepsUp());
  }

  @Test
  void theBestBatchHasTheMostWindowsPerSecond() {
    WhisperBatchCurve curve = curve(1000);
    // 1: 140 ms -> 7.1/s; 4: 360 ms -> 11.1/s; 8: 800 ms -> 10/s
    assertEquals(4, curve.best().batch());
    assertEquals(1000.0 / 360, curve.best().xrtPerStream(), EPS);
    assertEquals(11, curve.predictedStreams());
  }

  @Test
  void onlyBatchSizesThatKeepUpCountForThePrediction() {
    // with a 500 ms step, batch 8 (800 ms) leaves its streams behind
    WhisperBatchCurve curve = curve(500);
    assertFalse(curve.points().get(2).keepsUp());
    assertEquals(5, curve.predictedStreams()); // batch 4: 4 * 500 / 360 = 5.6
    // with a 100 ms step nothing keeps up
    assertEquals(0, curve(100).predictedStreams());
  }

  @Test
  void aTieGoesToTheSmallerBatch() {
    WhisperBatchCurve curve =
        WhisperBatchCurve.of(
            List.of(new BatchTiming(1, 100, 0, 2), new BatchTiming(2, 200, 0, 2)), 10, 1000);
    assertEquals(1, curve.best().batch());
    assertThrows(IllegalArgumentException.class, () -> new WhisperBatchCurve(List.of()));
  }

  @Test
  void theArchitectureIsNamedByWidthAndDepth() {
    assertEquals("tiny", WhisperBench.arch(config(384, 4, 80)));
    assertEquals("base", WhisperBench.arch(config(512, 6, 80)));
    assertEquals("small", WhisperBench.arch(config(768, 12, 80)));
    assertEquals("large-v3", WhisperBench.arch(config(1280, 32, 128)));
    assertEquals("d256-l3", WhisperBench.arch(config(256, 3, 80)));
  }

  private static WhisperModelConfig config(int dim, int layers, int mels) {
    return new WhisperModelConfig("m", mels, 1500, 448, dim, layers, layers, 8, 51865, true, 99);
  }
}
