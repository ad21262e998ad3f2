package io.livesubs.inference.asr.whisper.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A mel filter bank: {@code melBins} triangular filters over the {@code fftBins} bins of a power
 * spectrum. Whisper's filters are librosa's Slaney-style mel filters for 16 kHz and a 400-point
 * FFT; they can be read from OpenAI's {@code mel_filters.npz} ({@link #load}) or computed ({@link
 * #slaney}), which gives the same values to float precision.
 *
 * <p>Stored sparsely: each filter keeps only the span between its first and last non-zero weight,
 * so applying the bank costs a few multiplications per mel bin instead of {@code fftBins}.
 * Immutable and thread-safe; one instance can be shared by every spectrogram in a JVM.
 */
public final class MelFilterBank {
  // Slaney's scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above (27 mels per
  // factor 6.4).
  private static final double HZ_PER_MEL = 200.0 / 3;
  private static final double LOG_START_HZ = 1000;
  private static final double LOG_START_MEL = LOG_START_HZ / HZ_PER_MEL;
  private static final double LOG_STEP = Math.log(6.4) / 27;

  private final int melBins;
  private final int fftBins;
  private final int[] first;
  private final int[] offset;
  private final int[] length;
  private final double[] weights;

  private MelFilterBank(int melBins, int fftBins, float[] dense) {
    this.melBins = melBins;
    this.fftBins = fftBins;
    this.first = new int[melBins];
    this.offset = new int[melBins];
    this.length = new int[melBins];
    int total = 0;
    for (int m = 0; m < melBins; m++) {
      int lo = 0;
      int hi = fftBins - 1;
      while (lo <= hi && dense[m * fftBins + lo] == 0f) {
        lo++;
      }
      while (hi >= lo && dense[m * fftBins + hi] == 0f) {
        hi--;
      }
      first[m] = lo;
      offset[m] = total;
      length[m] = Math.max(0, hi - lo + 1);
      total += length[m];
    }
    weights = new double[total];
    for (int m = 0; m < melBins; m++) {
      for (int j = 0; j < length[m]; j++) {
        weights[offset[m] + j] = dense[m * fftBins + first[m] + j];
      }
    }
  }

  /**
   * A bank from dense row-major weights {@code [melBins][fftBins]}.
   *
   * @throws IllegalArgumentException if the sizes do not match or a weight is negative or not
   *     finite
   */
  public static MelFilterBank fromDense(int melBins, int fftBins, float[] weights) {
    if (melBins < 1 || fftBins < 1 || weights.length != (long) melBins * fftBins) {
      throw new IllegalArgumentException(
          "mel filter weights: need " + melBins + " x " + fftBins + ", got " + weights.length);
    }
    for (float w : weights) {
      if (!(w >= 0f) || Float.isInfinite(w)) {
        throw new IllegalArgumentException("mel filter weights must be finite and >= 0, saw " + w);
      }
    }
    return new MelFilterBank(melBins, fftBins, weights.clone());
  }

  /**
   * Reads the bank {@code mel_<melBins>} from OpenAI's {@code mel_filters.npz}.
   *
   * @throws IOException if the file cannot be read, lacks the array or has the wrong shape
   */
  public static MelFilterBank load(Path npz, int melBins) throws IOException {
    Map<String, NpyArray> arrays = NpyReader.readNpz(npz);
    String key = "mel_" + melBins;
    NpyArray array = arrays.get(key);
    if (array == null) {
      throw new IOException(npz + " has no array '" + key + "' (has " + arrays.keySet() + ")");
    }
    if (array.rank() != 2 || array.dim(0) != melBins) {
      throw new IOException(
          npz + "!" + key + " has shape " + array + ", expected 2-D with rows " + melBins);
    }
    return fromDense(melBins, array.dim(1), array.toFloats());
  }

  /**
   * Computes librosa's default mel filters ({@code librosa.filters.mel(sr, n_fft, n_mels)}: Slaney
   * mel scale, Slaney area normalisation, 0 Hz to Nyquist), in double precision rounded to float,
   * which is how OpenAI generated {@code mel_filters.npz}.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static MelFilterBank slaney(int sampleRate, int nFft, int melBins) {
    if (sampleRate <= 0 || nFft < 2 || melBins < 1) {
      throw new IllegalArgumentException(
          "need sampleRate > 0, nFft >= 2, melBins >= 1; were "
              + sampleRate
              + ", "
              + nFft
              + ", "
              + melBins);
    }
    int bins = nFft / 2 + 1;
    double maxMel = hzToMel(sampleRate / 2.0);
    double[] edges = new double[melBins + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = melToHz(maxMel * i / (melBins + 1));
    }
    float[] dense = new float[melBins * bins];
    for (int m = 0; m < melBins; m++) {
      double norm = 2.0 / (edges[m + 2] - edges[m]);
      for (int k = 0; k < bins; k++) {
        double freq = (double) k * sampleRate / nFft;
        double rising = (freq - edges[m]) / (edges[m + 1] - edges[m]);
        double falling = (edges[m + 2] - freq) / (edges[m + 2] - edges[m + 1]);
        dense[m * bins + k] = (float) (Math.max(0, Math.min(rising, falling)) * norm);
      }
    }
    return new MelFilterBank(melBins, bins, dense);
  }

  private static double hzToMel(double hz) {
    return hz >= LOG_START_HZ
        ? LOG_START_MEL + Math.log(hz / LOG_START_HZ) / LOG_STEP
        : hz / HZ_PER_MEL;
  }

  private static double melToHz(double mel) {
    return mel >= LOG_START_MEL
        ? LOG_START_HZ * Math.exp(LOG_STEP * (mel - LOG_START_MEL))
        : HZ_PER_MEL * mel;
  }

  /** The number of mel bins (output rows). */
  public int melBins() {
    return melBins;
  }

  /** The number of power-spectrum bins each filter spans ({@code n_fft/2 + 1}). */
  public int fftBins() {
    return fftBins;
  }

  /** The weight of FFT bin {@code bin} in filter {@code mel} (0 outside its span). */
  public float weight(int mel, int bin) {
    int j = bin - first[mel];
    return j >= 0 && j < length[mel] ? (float) weights[offset[mel] + j] : 0f;
  }

  /** The number of stored (non-zero span) weights, against {@code melBins * fftBins} dense. */
  public int storedWeights() {
    return weights.length;
  }

  /**
   * {@code mel[m] = sum_k filter[m][k] * power[k]} for every mel bin.
   *
   * @param power at least {@link #fftBins()} values
   * @param mel at least {@link #melBins()} slots
   */
  public void apply(double[] power, double[] mel) {
    for (int m = 0; m < melBins; m++) {
      double sum = 0;
      int base = offset[m];
      int bin = first[m];
      for (int j = 0, len = length[m]; j < len; j++) {
        sum += weights[base + j] * power[bin + j];
      }
      mel[m] = sum;
    }
  }
}
