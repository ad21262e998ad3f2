package io.livesubs.inference.asr.whisper.features;

import java.util.Arrays;

/**
 * Forward discrete Fourier transform of a fixed size, {@code X[k] = sum_j x[j] exp(-2 pi i jk/n)},
 * by mixed-radix decimation in time (Cooley-Tukey) with dedicated butterflies for radices 2, 3, 4
 * and 5 and a plain DFT for any other prime factor. Twiddle factors are computed once in double
 * precision.
 *
 * <p>Not thread-safe: an instance owns scratch space for the generic radix. Use one per thread.
 */
final class ComplexFft {
  private static final double SIN_60 = Math.sqrt(3) / 2;
  private static final double C1 = Math.cos(2 * Math.PI / 5);
  private static final double C2 = Math.cos(4 * Math.PI / 5);
  private static final double S1 = Math.sin(2 * Math.PI / 5);
  private static final double S2 = Math.sin(4 * Math.PI / 5);

  private final int n;
  private final int[] factors;
  private final double[] cos;
  private final double[] sin;
  private final double[] scratchRe;
  private final double[] scratchIm;

  ComplexFft(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("FFT size must be >= 1, was " + n);
    }
    this.n = n;
    this.factors = factorize(n);
    this.cos = new double[n];
    this.sin = new double[n];
    for (int k = 0; k < n; k++) {
      double angle = -2 * Math.PI * k / n;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
    int maxFactor = 1;
    for (int f : factors) {
      maxFactor = Math.max(maxFactor, f);
    }
    scratchRe = new double[maxFactor];
    scratchIm = new double[maxFactor];
  }

  int size() {
    return n;
  }

  /** Transforms {@code (inRe, inIm)} into {@code (outRe, outIm)}; inputs are left unchanged. */
  void transform(double[] inRe, double[] inIm, double[] outRe, double[] outIm) {
    step(inRe, inIm, 0, 1, outRe, outIm, 0, n, 0);
  }

  // Writes the DFT of the len inputs x[inOff + j*stride] to out[outOff .. outOff+len).
  private void step(
      double[] xr,
      double[] xi,
      int inOff,
      int stride,
      double[] yr,
      double[] yi,
      int outOff,
      int len,
      int depth) {
    int p = len == 1 ? 1 : factors[depth];
    int m = len / p;
    if (m == 1) {
      for (int q = 0; q < p; q++) {
        yr[outOff + q] = xr[inOff + q * stride];
        yi[outOff + q] = xi[inOff + q * stride];
      }
    } else {
      for (int q = 0; q < p; q++) {
        step(xr, xi, inOff + q * stride, stride * p, yr, yi, outOff + q * m, m, depth + 1);
      }
    }
    if (p == 1) {
      return;
    }
    int twiddleStep = n / len;
    for (int k = 0; k < m; k++) {
      int base = outOff + k;
      int tw = k * twiddleStep;
      switch (p) {
        case 2 -> radix2(yr, yi, base, m, tw);
        case 3 -> radix3(yr, yi, base, m, tw);
        case 4 -> radix4(yr, yi, base, m, tw);
        case 5 -> radix5(yr, yi, base, m, tw);
        default -> radixGeneric(yr, yi, base, m, tw, p);
      }
    }
  }

  private void radix2(double[] r, double[] i, int base, int m, int tw) {
    int b = base + m;
    double br = r[b] * cos[tw] - i[b] * sin[tw];
    double bi = r[b] * sin[tw] + i[b] * cos[tw];
    double ar = r[base];
    double ai = i[base];
    r[base] = ar + br;
    i[base] = ai + bi;
    r[b] = ar - br;
    i[b] = ai - bi;
  }

  private void radix3(double[] r, double[] i, int base, int m, int tw) {
    int i1 = base + m;
    int i2 = i1 + m;
    int w2 = 2 * tw;
    double a0r = r[base];
    double a0i = i[base];
    double a1r = r[i1] * cos[tw] - i[i1] * sin[tw];
    double a1i = r[i1] * sin[tw] + i[i1] * cos[tw];
    double a2r = r[i2] * cos[w2] - i[i2] * sin[w2];
    double a2i = r[i2] * sin[w2] + i[i2] * cos[w2];
    double sr = a1r + a2r;
    double si = a1i + a2i;
    double dr = (a1r - a2r) * SIN_60;
    double di = (a1i - a2i) * SIN_60;
    double mr = a0r - 0.5 * sr;
    double mi = a0i - 0.5 * si;
    r[base] = a0r + sr;
    i[base] = a0i + si;
    r[i1] = mr + di;
    i[i1] = mi - dr;
    r[i2] = mr - di;
    i[i2] = mi + dr;
  }

  private void radix4(double[] r, double[] i, int base, int m, int tw) {
    int i1 = base + m;
    int i2 = i1 + m;
    int i3 = i2 + m;
    int w2 = 2 * tw;
    int w3 = 3 * tw;
    double a0r = r[base];
    double a0i = i[base];
    double a1r = r[i1] * cos[tw] - i[i1] * sin[tw];
    double a1i = r[i1] * sin[tw] + i[i1] * cos[tw];
    double a2r = r[i2] * cos[w2] - i[i2] * sin[w2];
    double a2i = r[i2] * sin[w2] + i[i2] * cos[w2];
    double a3r = r[i3] * cos[w3] - i[i3] * sin[w3];
    double a3i = r[i3] * sin[w3] + i[i3] * cos[w3];
    double t0r = a0r + a2r;
    double t0i = a0i + a2i;
    double t1r = a0r - a2r;
    double t1i = a0i - a2i;
    double t2r = a1r + a3r;
    double t2i = a1i + a3i;
    double t3r = a1r - a3r;
    double t3i = a1i - a3i;
    r[base] = t0r + t2r;
    i[base] = t0i + t2i;
    r[i2] = t0r - t2r;
    i[i2] = t0i - t2i;
    // Multiplying by -i (forward transform) swaps the parts of t3 and negates one.
    r[i1] = t1r + t3i;
    i[i1] = t1i - t3r;
    r[i3] = t1r - t3i;
    i[i3] = t1i + t3r;
  }

  private void radix5(double[] r, double[] i, int base, int m, int tw) {
    double a0r = r[base];
    double a0i = i[base];
    int i1 = base + m;
    int i2 = i1 + m;
    int i3 = i2 + m;
    int i4 = i3 + m;
    double a1r = r[i1] * cos[tw] - i[i1] * sin[tw];
    double a1i = r[i1] * sin[tw] + i[i1] * cos[tw];
    double a2r = r[i2] * cos[2 * tw] - i[i2] * sin[2 * tw];
    double a2i = r[i2] * sin[2 * tw] + i[i2] * cos[2 * tw];
    double a3r = r[i3] * cos[3 * tw] - i[i3] * sin[3 * tw];
    double a3i = r[i3] * sin[3 * tw] + i[i3] * cos[3 * tw];
    double a4r = r[i4] * cos[4 * tw] - i[i4] * sin[4 * tw];
    double a4i = r[i4] * sin[4 * tw] + i[i4] * cos[4 * tw];
    double b1r = a1r + a4r;
    double b1i = a1i + a4i;
    double b2r = a2r + a3r;
    double b2i = a2i + a3i;
    double d1r = a1r - a4r;
    double d1i = a1i - a4i;
    double d2r = a2r - a3r;
    double d2i = a2i - a3i;
    double t1r = a0r + C1 * b1r + C2 * b2r;
    double t1i = a0i + C1 * b1i + C2 * b2i;
    double t2r = a0r + C2 * b1r + C1 * b2r;
    double t2i = a0i + C2 * b1i + C1 * b2i;
    double u1r = S1 * d1r + S2 * d2r;
    double u1i = S1 * d1i + S2 * d2i;
    double u2r = S2 * d1r - S1 * d2r;
    double u2i = S2 * d1i - S1 * d2i;
    r[base] = a0r + b1r + b2r;
    i[base] = a0i + b1i + b2i;
    r[i1] = t1r + u1i;
    i[i1] = t1i - u1r;
    r[i4] = t1r - u1i;
    i[i4] = t1i + u1r;
    r[i2] = t2r + u2i;
    i[i2] = t2i - u2r;
    r[i3] = t2r - u2i;
    i[i3] = t2i + u2r;
  }

  private void radixGeneric(double[] r, double[] i, int base, int m, int tw, int p) {
    for (int q = 0; q < p; q++) {
      int idx = base + q * m;
      int w = (int) ((long) q * tw % n);
      scratchRe[q] = r[idx] * cos[w] - i[idx] * sin[w];
      scratchIm[q] = r[idx] * sin[w] + i[idx] * cos[w];
    }
    int rootStep = n / p;
    for (int s = 0; s < p; s++) {
      double accR = 0;
      double accI = 0;
      for (int q = 0; q < p; q++) {
        int w = (q * s % p) * rootStep;
        accR += scratchRe[q] * cos[w] - scratchIm[q] * sin[w];
        accI += scratchRe[q] * sin[w] + scratchIm[q] * cos[w];
      }
      r[base + s * m] = accR;
      i[base + s * m] = accI;
    }
  }

  // Radix 4 first (fewest operations per point), then 2, 3, 5, then any remaining primes.
  private static int[] factorize(int n) {
    int[] out = new int[32];
    int count = 0;
    int rest = n;
    while (rest % 4 == 0) {
      out[count++] = 4;
      rest /= 4;
    }
    for (int f = 2; rest > 1; f++) {
      while (rest % f == 0) {
        out[count++] = f;
        rest /= f;
      }
    }
    return Arrays.copyOf(out, count);
  }
}
