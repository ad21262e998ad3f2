package io.livesubs.ingest.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

  private static final int OUT = PcmFormat.SAMPLE_RATE;

  /** Resamples 2 s of {@code hz} at {@code rate} to 16 kHz and returns the output. */
  private static float[] resampleTone(double hz, int rate) {
    float[] in = Signals.sine(hz, rate, 2 * rate, 0.5);
    Resampler r = new Resampler(rate, OUT);
    return concat(r.process(in, 0, in.length), r.finish());
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Gain in dB of a tone through the resampler, measured away from the edges. */
  private static double gainDb(double hz, int rate) {
    float[] out = resampleTone(hz, rate);
    double inRms = 0.5 / Math.sqrt(2);
    return Signals.db(Signals.rms(out, OUT / 4, OUT * 7 / 4) / inRms);
  }

  @ParameterizedTest
  @ValueSource(ints = {44_100, 48_000, 22_050, 8_000, 96_000, 44_101})
  void oneKilohertzStaysOneKilohertzAtItsLevel(int rate) {
    float[] out = resampleTone(1000, rate);
    // One second of steady state: Goertzel bins fall on whole Hz.
    double peak = Signals.peakHz(out, OUT / 2, OUT / 2 + OUT, OUT, 10);
    assertEquals(1000, peak, 0.5, "peak frequency after resampling from " + rate);
    double gain = gainDb(1000, rate);
    assertEquals(0, gain, 0.5, "level change in dB from " + rate);
  }

  @ParameterizedTest
  @ValueSource(ints = {44_100, 48_000})
  void passbandIsFlatUpToSevenKilohertz(int rate) {
    for (double hz : new double[] {100, 3000, 6000, 6900}) {
      assertEquals(0, gainDb(hz, rate), 0.05, hz + " Hz from " + rate);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {44_100, 48_000, 22_050, 96_000})
  void contentAboveEightKilohertzIsRemoved(int rate) {
    for (double hz : new double[] {8_050, 8_500, 10_000, Math.min(15_000, rate / 2.0 - 100)}) {
      double gain = gainDb(hz, rate);
      // Designed for 80 dB from 8 kHz up; 75 leaves room for measurement, 40 is what is needed.
      assertTrue(gain <= -75, hz + " Hz from " + rate + " only attenuated by " + -gain + " dB");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {44_100, 48_000})
  void toneJustBelowEightKilohertzIsInTheStopbandSkirt(int rate) {
    double gain = gainDb(7_900, rate);
    assertTrue(gain <= -40, "7.9 kHz from " + rate + " only attenuated by " + -gain + " dB");
  }

  @Test
  void upsamplingCreatesNoImages() {
    // 1 kHz at 8 kHz would mirror to 7 kHz at 16 kHz without the low-pass.
    float[] out = resampleTone(1000, 8_000);
    double tone = Signals.goertzel(out, OUT / 2, OUT / 2 + OUT, 1000, OUT);
    double image = Signals.goertzel(out, OUT / 2, OUT / 2 + OUT, 7000, OUT);
    assertTrue(10 * Math.log10(image / tone) < -60, "image level " + image / tone);
  }

  @Test
  void lengthIsExactForManyLengthsAndRates() {
    Random random = new Random(7);
    for (int rate : new int[] {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 44_101}) {
      for (int trial = 0; trial < 20; trial++) {
        int n = 1 + random.nextInt(30_000);
        Resampler r = new Resampler(rate, OUT);
        int out = r.process(new float[n], 0, n).length + r.finish().length;
        long expected = ((long) n * OUT + rate - 1) / rate; // ceil
        assertEquals(expected, out, "n=" + n + " rate=" + rate);
        assertEquals(expected, Resampler.outputLength(n, rate, OUT));
        assertTrue(Math.abs(out - Math.round((double) n * OUT / rate)) <= 1);
        assertEquals(n, r.inputSamples());
        assertEquals(out, r.outputSamples());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {44_100, 48_000, 8_000, 16_000})
  void streamingInOddBlocksEqualsOneShot(int rate) {
    Random random = new Random(rate);
    float[] in = new float[rate + 12_345];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) random.nextGaussian() * 0.2f;
    }
    Resampler whole = new Resampler(rate, OUT);
    float[] expected = concat(whole.process(in, 0, in.length), whole.finish());

    Resampler blocks = new Resampler(rate, OUT);
    float[] got = new float[0];
    int pos = 0;
    while (pos < in.length) {
      int len = Math.min(in.length - pos, 1 + random.nextInt(777));
      got = concat(got, blocks.process(in, pos, len));
      pos += len;
    }
    got = concat(got, blocks.finish());
    assertArrayEquals(expected, got);
  }

  @Test
  void outputIsAlignedWithInputTime() {
    // An impulse at input sample 4410 (0.1 s at 44.1 kHz) must peak at output sample 1600.
    float[] in = new float[44_100];
    in[4410] = 1;
    Resampler r = new Resampler(44_100, OUT);
    float[] out = concat(r.process(in, 0, in.length), r.finish());
    int argmax = 0;
    for (int i = 1; i < out.length; i++) {
      if (out[i] > out[argmax]) {
        argmax = i;
      }
    }
    assertEquals(1600, argmax);
  }

  @Test
  void dcIsKeptExactly() {
    float[] in = new float[48_000];
    Arrays.fill(in, 0.25f);
    Resampler r = new Resampler(48_000, OUT);
    float[] out = r.process(in, 0, in.length);
    for (int i = 200; i < out.length - 200; i++) {
      assertEquals(0.25f, out[i], 1e-6f, "sample " + i);
    }
  }

  @Test
  void rejectsUseAfterFinishAndBadRates() {
    Resampler r = new Resampler(44_100, OUT);
    r.finish();
    assertThrows(IllegalStateException.class, () -> r.process(new float[1], 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Resampler(0, OUT));
  }
}
