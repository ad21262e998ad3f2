package io.livesubs.ingest.audio;

/**
 * Design of the anti-aliasing low-pass filter used by {@link Resampler}: an ideal low-pass impulse
 * response (sinc) shaped by a Kaiser window, per Kaiser's empirical formulas for the window
 * parameter and the length. Times are measured in input samples. Immutable and thread-safe.
 */
final class KaiserSincFilter {

  private final double cutoff;
  private final double halfWidth;
  private final double beta;
  private final double i0Beta;

  /**
   * @param cutoff the -6 dB cutoff in cycles per input sample, in (0, 0.5)
   * @param transitionWidth the full width of the transition band in cycles per input sample
   * @param stopbandDb the wanted stopband attenuation in dB (above 21)
   */
  KaiserSincFilter(double cutoff, double transitionWidth, double stopbandDb) {
    if (!(cutoff > 0 && cutoff < 0.5) || !(transitionWidth > 0) || !(stopbandDb > 21)) {
      throw new IllegalArgumentException(
          "bad filter: cutoff " + cutoff + ", transition " + transitionWidth + ", " + stopbandDb);
    }
    this.cutoff = cutoff;
    this.beta = stopbandDb > 50 ? 0.1102 * (stopbandDb - 8.7) : kaiserBetaMid(stopbandDb);
    double order = (stopbandDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth);
    this.halfWidth = order / 2;
    this.i0Beta = besselI0(beta);
  }

  private static double kaiserBetaMid(double a) {
    return 0.5842 * Math.pow(a - 21, 0.4) + 0.07886 * (a - 21);
  }

  /** Half the length of the impulse response in input samples: it is zero beyond. */
  double halfWidth() {
    return halfWidth;
  }

  /** The impulse response at {@code t} input samples from its centre; DC gain is about 1. */
  double at(double t) {
    double r = t / halfWidth;
    if (r <= -1 || r >= 1) {
      return 0;
    }
    double window = besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
    double x = 2 * cutoff * t;
    double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    return 2 * cutoff * sinc * window;
  }

  /** Modified Bessel function of the first kind, order 0, by its power series. */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double quarterSquare = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= quarterSquare / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }
}
