package io.livesubs.ingest.audio;

/** Test signals and measurements: sines, RMS, Goertzel power, level ratios. */
final class Signals {

  private Signals() {}

  static float[] sine(double hz, int rate, int samples, double amplitude) {
    float[] s = new float[samples];
    for (int i = 0; i < samples; i++) {
      s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  static double db(double ratio) {
    return 20 * Math.log10(ratio);
  }

  /** Power of {@code hz} in {@code x[from, to)} by the Goertzel algorithm (unnormalised). */
  static double goertzel(float[] x, int from, int to, double hz, int rate) {
    double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = x[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
  }

  /** The frequency in [step, rate / 2) with the most power, scanning in {@code step} Hz. */
  static double peakHz(float[] x, int from, int to, int rate, double step) {
    double best = 0;
    double bestHz = 0;
    for (double hz = step; hz < rate / 2.0; hz += step) {
      double p = goertzel(x, from, to, hz, rate);
      if (p > best) {
        best = p;
        bestHz = hz;
      }
    }
    return bestHz;
  }
}
