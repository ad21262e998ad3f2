package io.livesubs.inference.asr.whisper.features;

/**
 * Power spectrum {@code |X[k]|^2, k = 0..n/2} of a real sequence of even length {@code n}, computed
 * with one complex FFT of length {@code n/2} (even samples as real parts, odd samples as imaginary
 * parts) and the usual split into even and odd halves.
 *
 * <p>Not thread-safe: an instance owns its scratch buffers, which are reused on every call so the
 * per-frame path allocates nothing. Use one per thread.
 */
final class RealFft {
  private final int n;
  private final int half;
  private final ComplexFft fft;
  private final double[] cos;
  private final double[] sin;
  private final double[] zr;
  private final double[] zi;
  private final double[] outRe;
  private final double[] outIm;

  RealFft(int n) {
    if (n < 2 || n % 2 != 0) {
      throw new IllegalArgumentException("real FFT size must be even and >= 2, was " + n);
    }
    this.n = n;
    this.half = n / 2;
    this.fft = new ComplexFft(half);
    this.cos = new double[half + 1];
    this.sin = new double[half + 1];
    for (int k = 0; k <= half; k++) {
      double angle = -2 * Math.PI * k / n;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
    zr = new double[half];
    zi = new double[half];
    outRe = new double[half];
    outIm = new double[half];
  }

  int size() {
    return n;
  }

  /** Number of non-negative frequency bins, {@code n/2 + 1}. */
  int bins() {
    return half + 1;
  }

  /**
   * Writes {@code |X[k]|^2} for {@code k = 0..n/2} into {@code power}.
   *
   * @param frame {@code n} real samples (already windowed)
   * @param power at least {@code n/2 + 1} slots
   */
  void powerSpectrum(double[] frame, double[] power) {
    for (int j = 0; j < half; j++) {
      zr[j] = frame[2 * j];
      zi[j] = frame[2 * j + 1];
    }
    fft.transform(zr, zi, outRe, outIm);
    double z0r = outRe[0];
    double z0i = outIm[0];
    power[0] = (z0r + z0i) * (z0r + z0i);
    power[half] = (z0r - z0i) * (z0r - z0i);
    for (int k = 1; k < half; k++) {
      double ar = outRe[k];
      double ai = outIm[k];
      double br = outRe[half - k];
      double bi = -outIm[half - k];
      // Even part E = (Z[k] + conj Z[n/2-k]) / 2; odd part O = (Z[k] - conj Z[n/2-k]) / 2i.
      double er = 0.5 * (ar + br);
      double ei = 0.5 * (ai + bi);
      double or = 0.5 * (ai - bi);
      double oi = -0.5 * (ar - br);
      double xr = er + cos[k] * or - sin[k] * oi;
      double xi = ei + cos[k] * oi + sin[k] * or;
      power[k] = xr * xr + xi * xi;
    }
  }
}
