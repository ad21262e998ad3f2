package io.livesubs.inference.asr.whisper.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealFftTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 4, 6, 10, 16, 50, 400})
  void powerMatchesTheDefinition(int n) {
    Random random = new Random(42 + n);
    double[] x = new double[n];
    for (int j = 0; j < n; j++) {
      x[j] = random.nextGaussian();
    }
    double[] power = new double[n / 2 + 1];
    new RealFft(n).powerSpectrum(x, power);
    for (int k = 0; k <= n / 2; k++) {
      double re = 0;
      double im = 0;
      for (int j = 0; j < n; j++) {
        double angle = -2 * Math.PI * ((long) j * k % n) / n;
        re += x[j] * Math.cos(angle);
        im += x[j] * Math.sin(angle);
      }
      double expected = re * re + im * im;
      assertEquals(expected, power[k], 1e-9 * Math.max(1, expected), "bin " + k + " of " + n);
    }
  }

  @Test
  void hannWindowedToneHasItsAnalyticPeak() {
    // A cosine of amplitude A on bin b under a periodic Hann window of length N has
    // |X[b]| = A * N / 4 and |X[b +- 1]| = A * N / 8; all other bins are zero.
    int n = 400;
    int bin = 25; // 1 kHz at 16 kHz
    double amplitude = 0.5;
    double[] frame = new double[n];
    for (int j = 0; j < n; j++) {
      double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / n);
      frame[j] = hann * amplitude * Math.cos(2 * Math.PI * bin * j / n);
    }
    double[] power = new double[n / 2 + 1];
    new RealFft(n).powerSpectrum(frame, power);
    assertEquals(Math.pow(amplitude * n / 4, 2), power[bin], 1e-9);
    assertEquals(Math.pow(amplitude * n / 8, 2), power[bin - 1], 1e-9);
    assertEquals(Math.pow(amplitude * n / 8, 2), power[bin + 1], 1e-9);
    assertEquals(0, power[bin + 2], 1e-9);
    assertEquals(0, power[0], 1e-9);
  }

  @Test
  void rejectsOddSizes() {
    assertThrows(IllegalArgumentException.class, () -> new RealFft(401));
  }
}
