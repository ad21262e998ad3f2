package io.livesubs.inference.asr.whisper.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexFftTest {
  // Sizes cover every butterfly (2, 3, 4, 5, generic 7/11/13) and Whisper's 200 = 4*2*5*5.
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 25, 30, 49, 64, 100, 143, 200, 400})
  void matchesTheDefinitionOfTheDft(int n) {
    Random random = new Random(n);
    double[] re = new double[n];
    double[] im = new double[n];
    for (int j = 0; j < n; j++) {
      re[j] = random.nextGaussian();
      im[j] = random.nextGaussian();
    }
    double[] outRe = new double[n];
    double[] outIm = new double[n];
    new ComplexFft(n).transform(re, im, outRe, outIm);
    for (int k = 0; k < n; k++) {
      double sumRe = 0;
      double sumIm = 0;
      for (int j = 0; j < n; j++) {
        double angle = -2 * Math.PI * ((long) j * k % n) / n;
        sumRe += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
        sumIm += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
      }
      assertEquals(sumRe, outRe[k], 1e-9 * n, "re of bin " + k + " of " + n);
      assertEquals(sumIm, outIm[k], 1e-9 * n, "im of bin " + k + " of " + n);
    }
  }

  @Test
  void leavesItsInputUnchanged() {
    double[] re = {1, 2, 3, 4, 5, 6};
    double[] im = {0, -1, 0, 1, 0, 2};
    new ComplexFft(6).transform(re, im, new double[6], new double[6]);
    assertEquals(3, re[2]);
    assertEquals(2, im[5]);
  }

  @Test
  void rejectsAnEmptySize() {
    assertThrows(IllegalArgumentException.class, () -> new ComplexFft(0));
  }
}
