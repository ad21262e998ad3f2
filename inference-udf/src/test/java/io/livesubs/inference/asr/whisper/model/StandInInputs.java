package io.livesubs.inference.asr.whisper.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic inputs for the stand-in model tests, and a logits comparison. */
final class StandInInputs {
  /** {@code <|startoftranscript|> <|en|> <|transcribe|> <|0.00|>} then text tokens. */
  static final int[] PROMPT = {50258, 50259, 50359, 50364, 400, 1000, 2000, 3000, 220};

  private StandInInputs() {}

  /** A log-mel-like window (values in the range real features take) from {@code seed}. */
  static float[] mel(int melBins, long seed) {
    Random random = new Random(seed);
    float[] mel = new float[melBins * OnnxWhisperModel.WINDOW_FRAMES];
    for (int i = 0; i < mel.length; i++) {
      mel[i] = (float) (random.nextDouble() * 2.5 - 1.0);
    }
    return mel;
  }

  /** A token sequence starting like a prompt and varying with {@code row}. */
  static int[] tokens(int row, int length) {
    int[] tokens = new int[length];
    for (int i = 0; i < length; i++) {
      tokens[i] = i < 3 ? PROMPT[i] : 100 + 997 * row + 31 * i;
    }
    return tokens;
  }

  /**
   * Feeds {@code sequences} (one per row, equal lengths) step by step and returns the logits of
   * every step: {@code [step][row][vocab]}.
   */
  static List<float[][]> decode(WhisperInference model, List<float[]> mels, int[][] sequences) {
    List<float[][]> steps = new ArrayList<>();
    try (DecoderBatch batch = model.startBatch(mels)) {
      for (int s = 0; s < sequences[0].length; s++) {
        int[] tokens = new int[sequences.length];
        for (int r = 0; r < sequences.length; r++) {
          tokens[r] = sequences[r][s];
        }
        steps.add(batch.step(tokens));
        assertEquals(s + 1, batch.position());
      }
    }
    return steps;
  }

  /** Fails unless every logit of {@code actual} is within {@code tolerance} of {@code expected}. */
  static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": vocabulary size");
    double worst = maxDiff(expected, actual);
    if (!(worst <= tolerance)) {
      fail(what + ": logits differ by up to " + worst + " (tolerance " + tolerance + ")");
    }
  }

  /** The largest absolute difference (NaN if any value is NaN). */
  static double maxDiff(float[] a, float[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs((double) a[i] - b[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      worst = Math.max(worst, d);
    }
    return worst;
  }

  /** The index of the largest logit. */
  static int argmax(float[] logits) {
    int best = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return best;
  }
}
