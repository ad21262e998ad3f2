package io.livesubs.ingest.audio;

import java.util.Arrays;

/**
 * Band-limited streaming sample-rate converter for one channel: exact rational polyphase resampling
 * with a Kaiser-windowed sinc low-pass.
 *
 * <p>Guarantees: the passband is flat (ripple well under 0.01 dB) up to 7/16 of the lower of the
 * two rates (7 kHz when converting to 16 kHz); everything from the lower Nyquist frequency up (8
 * kHz for a 16 kHz target) is attenuated by at least {@value #STOPBAND_DB} dB, so nothing aliases.
 * The filter is symmetric around each output instant (linear phase, no delay): output sample {@code
 * k} is the band-limited input at time {@code k * inputRate / outputRate} input samples. Feeding
 * the input in blocks of any sizes gives bit-identical output to feeding it at once; history is
 * kept between blocks. After {@link #finish()}, exactly {@code ceil(n * outputRate / inputRate)}
 * samples have come out for {@code n} in (see {@link #outputLength}). Equal rates pass samples
 * through unchanged.
 *
 * <p>Memory: one table of {@code outputRate / gcd(rates)} phases of about {@code 80 * inputRate /
 * min(rates)} float taps each: 140 KB for 44.1 kHz to 16 kHz, about 15 MB for a rate coprime with
 * 16 kHz near 48 kHz. Not thread-safe.
 */
public final class Resampler {

  /** Stopband attenuation of the anti-aliasing filter, in dB. */
  public static final double STOPBAND_DB = 80;

  private final int inputRate;
  private final int outputRate;
  private final int up;
  private final int down;
  private final int halfTaps;
  private final float[][] phases;

  private float[] buf = new float[1024];
  private long bufStart; // absolute input index of buf[0]
  private int bufLen;
  private long inputCount;
  private long outputCount;
  private long base; // floor(outputCount * down / up)
  private int phase; // (outputCount * down) mod up
  private boolean finished;

  /** Creates a converter from {@code inputRate} to {@code outputRate} samples per second. */
  public Resampler(int inputRate, int outputRate) {
    if (inputRate <= 0 || outputRate <= 0) {
      throw new IllegalArgumentException(
          "sample rates must be positive, were " + inputRate + " and " + outputRate);
    }
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    int gcd = gcd(inputRate, outputRate);
    this.up = outputRate / gcd;
    this.down = inputRate / gcd;
    if (inputRate == outputRate) {
      this.halfTaps = 0;
      this.phases = null;
      return;
    }
    int lower = Math.min(inputRate, outputRate);
    // Cutoff at 15/32 of the lower rate with a transition band of 1/16 of it: the stopband starts
    // exactly at the lower Nyquist frequency, so nothing that survives can alias.
    KaiserSincFilter filter =
        new KaiserSincFilter(lower * 15.0 / 32 / inputRate, lower / 16.0 / inputRate, STOPBAND_DB);
    this.halfTaps = (int) Math.ceil(filter.halfWidth());
    this.phases = new float[up][2 * halfTaps];
    for (int p = 0; p < up; p++) {
      double[] taps = new double[2 * halfTaps];
      double sum = 0;
      for (int j = 0; j < taps.length; j++) {
        taps[j] = filter.at((double) p / up + halfTaps - 1 - j);
        sum += taps[j];
      }
      for (int j = 0; j < taps.length; j++) {
        // Normalising every phase to unity gain keeps DC exact whatever the fractional offset.
        phases[p][j] = (float) (taps[j] / sum);
      }
    }
  }

  /** Number of output samples {@link #finish()} leaves behind for {@code inputSamples} in. */
  public static long outputLength(long inputSamples, int inputRate, int outputRate) {
    int gcd = gcd(inputRate, outputRate);
    long up = outputRate / gcd;
    long down = inputRate / gcd;
    return (inputSamples * up + down - 1) / down;
  }

  /** Input samples per second. */
  public int inputRate() {
    return inputRate;
  }

  /** Output samples per second. */
  public int outputRate() {
    return outputRate;
  }

  /** Input samples accepted so far. */
  public long inputSamples() {
    return inputCount;
  }

  /** Output samples returned so far. */
  public long outputSamples() {
    return outputCount;
  }

  /**
   * Accepts {@code len} input samples and returns every output sample that is now fully determined
   * (possibly none): those whose filter window lies within the input seen so far.
   */
  public float[] process(float[] in, int off, int len) {
    if (finished) {
      throw new IllegalStateException("resampler already finished");
    }
    if (phases == null) {
      inputCount += len;
      outputCount += len;
      return Arrays.copyOfRange(in, off, off + len);
    }
    append(in, off, len);
    return drain(false);
  }

  /** Ends the input and returns the remaining output samples, padding the input with silence. */
  public float[] finish() {
    if (finished) {
      throw new IllegalStateException("resampler already finished");
    }
    finished = true;
    return phases == null ? new float[0] : drain(true);
  }

  private float[] drain(boolean last) {
    long total = outputLength(inputCount, inputRate, outputRate);
    float[] out = new float[(int) Math.max(16, (long) bufLen * up / down + 2)];
    int n = 0;
    while (last ? outputCount < total : base + halfTaps < inputCount) {
      float[] taps = phases[phase];
      long first = base - halfTaps + 1;
      double acc = 0;
      for (int j = 0; j < taps.length; j++) {
        long index = first + j;
        if (index >= 0 && index < inputCount) {
          acc += taps[j] * buf[(int) (index - bufStart)];
        }
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[n++] = (float) acc;
      outputCount++;
      phase += down;
      base += phase / up;
      phase %= up;
    }
    discardBefore(base - halfTaps + 1);
    return Arrays.copyOf(out, n);
  }

  private void append(float[] in, int off, int len) {
    if (bufLen + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + len));
    }
    System.arraycopy(in, off, buf, bufLen, len);
    bufLen += len;
    inputCount += len;
  }

  private void discardBefore(long index) {
    int drop = (int) Math.min(bufLen, Math.max(0, index - bufStart));
    if (drop > 0) {
      System.arraycopy(buf, drop, buf, 0, bufLen - drop);
      bufLen -= drop;
      bufStart += drop;
    }
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
