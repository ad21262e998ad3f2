package io.livesubs.app.bench;

import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.model.WhisperInference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Phase (1) of {@code bench --engine whisper}: the model alone, no streaming and no decoding logic.
 * For each batch size, one warm-up batch (excluded), then repeated batches of the same log-mel
 * window: the encoder call ({@link WhisperInference#startBatch}, which also opens the decoder
 * batch), then a fixed number of decoder steps feeding fixed tokens (the token values do not change
 * the cost). Repeats until a size has been measured for at least {@value #MIN_MEASURED_MS} ms, at
 * least {@value #MIN_REPEATS} and at most {@value #MAX_REPEATS} times. Stateless; runs on the
 * calling thread.
 */
final class WhisperModelTiming {

  /** Fewest measured batches per size. */
  static final int MIN_REPEATS = 2;

  /** Most measured batches per size. */
  static final int MAX_REPEATS = 10;

  /** Measured time per size after which no further repeat is started. */
  static final long MIN_MEASURED_MS = 2_000;

  private WhisperModelTiming() {}

  /**
   * Timing of one batch size, averaged over its measured batches.
   *
   * @param batch windows per batch
   * @param encoderMs encoder milliseconds per batch
   * @param decoderMsPerStep decoder milliseconds per step of the whole batch (the first step, which
   *     fills the cross-attention cache, included)
   * @param repeats measured batches
   */
  record BatchTiming(int batch, double encoderMs, double decoderMsPerStep, int repeats) {}

  /**
   * Measures every size of {@code batchSizes}.
   *
   * @param model the model
   * @param mel one log-mel window, used for every row
   * @param tokens the tokens fed per window, one decoder step each (the prompt, then sampled ones)
   * @param progress told after each size
   */
  static List<BatchTiming> run(
      WhisperInference model,
      float[] mel,
      int[] tokens,
      List<Integer> batchSizes,
      Consumer<BatchTiming> progress) {
    List<BatchTiming> timings = new ArrayList<>();
    for (int batch : batchSizes) {
      List<float[]> mels = Collections.nCopies(batch, mel);
      runOnce(model, mels, tokens); // warm-up: first use of these shapes
      long encoderNanos = 0;
      long decoderNanos = 0;
      int repeats = 0;
      while (repeats < MIN_REPEATS
          || (repeats < MAX_REPEATS && (encoderNanos + decoderNanos) / 1e6 < MIN_MEASURED_MS)) {
        long[] nanos = runOnce(model, mels, tokens);
        encoderNanos += nanos[0];
        decoderNanos += nanos[1];
        repeats++;
      }
      BatchTiming timing =
          new BatchTiming(
              batch,
              encoderNanos / 1e6 / repeats,
              decoderNanos / 1e6 / repeats / tokens.length,
              repeats);
      timings.add(timing);
      progress.accept(timing);
    }
    return timings;
  }

  /** One batch; returns encoder and decoder nanoseconds. */
  private static long[] runOnce(WhisperInference model, List<float[]> mels, int[] tokens) {
    int[] step = new int[mels.size()];
    long start = System.nanoTime();
    try (DecoderBatch rows = model.startBatch(mels)) {
      long encoded = System.nanoTime();
      for (int token : tokens) {
        Arrays.fill(step, token);
        rows.step(step);
      }
      return new long[] {encoded - start, System.nanoTime() - encoded};
    }
  }
}
