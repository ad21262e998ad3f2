package io.livesubs.inference.asr.whisper.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the cost of one 30 s window of non-silent audio (no all-zero frames to skip: the worst
 * case) and fails only on a pathological slowdown, since the build machine is shared.
 */
class LogMelSpectrogramSpeedTest {
  private static final Logger LOG = LoggerFactory.getLogger(LogMelSpectrogramSpeedTest.class);

  @Test
  void aFullThirtySecondWindowTakesMilliseconds() {
    float[] audio = new float[LogMelSpectrogram.N_SAMPLES];
    Random random = new Random(1);
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) (0.1 * random.nextGaussian());
    }
    LogMelSpectrogram spectrogram = new LogMelSpectrogram(MelFilterBank.slaney(16_000, 400, 80));
    float[] out = new float[80 * LogMelSpectrogram.N_FRAMES];
    for (int i = 0; i < 15; i++) {
      spectrogram.window(audio, 0, audio.length, out, 0);
    }
    int runs = 30;
    double best = Double.MAX_VALUE;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      spectrogram.window(audio, 0, audio.length, out, 0);
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
    }
    double mean = (System.nanoTime() - start) / 1e6 / runs;
    LOG.info(
        "log-mel 80 x 3000 (30 s window): mean {} ms, best {} ms",
        String.format("%.2f", mean),
        String.format("%.2f", best));
    assertTrue(mean < 1000, "one 30 s window took " + mean + " ms");
  }
}
