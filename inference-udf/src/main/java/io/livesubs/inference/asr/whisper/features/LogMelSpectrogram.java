package io.livesubs.inference.asr.whisper.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * Whisper's log-mel spectrogram, computed as OpenAI's reference ({@code whisper/audio.py}) does: 16
 * kHz audio, periodic Hann window of 400 samples, hop 160, a centred STFT with reflect padding of
 * 200 samples on each side ({@code torch.stft(center=True)}), power spectrum, the last frame
 * dropped, the mel filter bank, {@code log10(max(mel, 1e-10))}, values floored at 8 below the
 * maximum of the whole spectrogram, then {@code (x + 4) / 4}.
 *
 * <p>Audio is float samples in [-1, 1] (16-bit PCM divided by 32768, see {@link #toFloat}). Results
 * are row-major {@code [melBins][frames]}, the layout of the encoder's {@code input_features} for
 * batch size 1, and can be written straight into a batch buffer.
 *
 * <p>Not thread-safe: an instance owns reusable buffers (about 2 MB for a 30 s window) so repeated
 * calls allocate nothing. Use one instance per thread; the {@link MelFilterBank} can be shared.
 */
public final class LogMelSpectrogram {
  /** Sample rate the features are defined for. */
  public static final int SAMPLE_RATE = 16_000;

  /** FFT size and window length. */
  public static final int N_FFT = 400;

  /** Samples between frames (10 ms). */
  public static final int HOP_LENGTH = 160;

  /** Samples in one 30 s model window. */
  public static final int N_SAMPLES = 30 * SAMPLE_RATE;

  /** Frames in one 30 s model window. */
  public static final int N_FRAMES = N_SAMPLES / HOP_LENGTH;

  private static final int PAD = N_FFT / 2;
  private static final double MIN_POWER = 1e-10;
  private static final double DYNAMIC_RANGE = 8.0;

  private final MelFilterBank filters;
  private final RealFft fft = new RealFft(N_FFT);
  private final double[] window = new double[N_FFT];
  private final double[] frame = new double[N_FFT];
  private final double[] power;
  private final double[] mel;
  private float[] padded = new float[0];

  /**
   * @param filters a bank for {@code n_fft = 400} ({@code 201} FFT bins), e.g. {@code mel_80}
   * @throws IllegalArgumentException if the bank does not span 201 bins
   */
  public LogMelSpectrogram(MelFilterBank filters) {
    this.filters = Objects.requireNonNull(filters, "filters");
    if (filters.fftBins() != fft.bins()) {
      throw new IllegalArgumentException(
          "mel filter bank spans " + filters.fftBins() + " FFT bins, Whisper needs " + fft.bins());
    }
    for (int i = 0; i < N_FFT; i++) {
      // Periodic Hann (torch.hann_window default): the period is N_FFT, not N_FFT - 1.
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N_FFT);
    }
    power = new double[fft.bins()];
    mel = new double[filters.melBins()];
  }

  /** The number of mel bins (80, or 128 for large-v3). */
  public int melBins() {
    return filters.melBins();
  }

  /** Frames produced from {@code samples} samples without padding or trimming. */
  public static int frameCount(int samples) {
    return samples / HOP_LENGTH;
  }

  /** Converts 16-bit PCM to floats in [-1, 1) as Whisper's loader does (divide by 32768). */
  public static float[] toFloat(short[] pcm) {
    float[] out = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = pcm[i] / 32768f;
    }
    return out;
  }

  /** A copy of {@code audio} cut or zero-padded at the end to exactly {@code length} samples. */
  public static float[] padOrTrim(float[] audio, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, was " + length);
    }
    return Arrays.copyOf(audio, length);
  }

  /** The log-mel of one 30 s window: {@code audio} padded or trimmed to {@link #N_SAMPLES}. */
  public float[] window(float[] audio) {
    float[] out = new float[melBins() * N_FRAMES];
    window(audio, 0, audio.length, out, 0);
    return out;
  }

  /**
   * Writes the log-mel of one 30 s window, {@code audio[offset, offset + length)} zero-padded or
   * trimmed to {@link #N_SAMPLES}, into {@code out[outOffset ..]} as {@code melBins x N_FRAMES}
   * values. Same result as {@code compute(padOrTrim(slice, N_SAMPLES))} without the copies.
   */
  public void window(float[] audio, int offset, int length, float[] out, int outOffset) {
    Objects.checkFromIndexSize(offset, length, audio.length);
    Objects.checkFromIndexSize(outOffset, melBins() * N_FRAMES, out.length);
    fillPadded(audio, offset, Math.min(length, N_SAMPLES), N_SAMPLES);
    logMel(N_FRAMES, out, outOffset);
  }

  /**
   * The log-mel of {@code audio[offset, offset + length)} as it is (no padding to 30 s): {@code
   * melBins x frameCount(length)} values.
   *
   * @throws IllegalArgumentException if {@code length <= 200} (reflect padding needs more)
   */
  public float[] compute(float[] audio, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, audio.length);
    if (length <= PAD) {
      throw new IllegalArgumentException(
          "need more than " + PAD + " samples for a centred STFT, got " + length);
    }
    int frames = frameCount(length);
    float[] out = new float[melBins() * frames];
    fillPadded(audio, offset, length, length);
    logMel(frames, out, 0);
    return out;
  }

  // padded = reflect-pad(audio[offset, offset+copy) followed by zeros up to `length`).
  private void fillPadded(float[] audio, int offset, int copy, int length) {
    int total = length + 2 * PAD;
    if (padded.length < total) {
      padded = new float[total];
    }
    System.arraycopy(audio, offset, padded, PAD, copy);
    Arrays.fill(padded, PAD + copy, PAD + length, 0f);
    for (int i = 1; i <= PAD; i++) {
      // numpy/torch "reflect" mirrors around the edge sample without repeating it.
      padded[PAD - i] = padded[PAD + i];
      padded[PAD + length - 1 + i] = padded[PAD + length - 1 - i];
    }
  }

  private void logMel(int frames, float[] out, int outOffset) {
    int melBins = filters.melBins();
    double max = Double.NEGATIVE_INFINITY;
    double silent = Math.log10(MIN_POWER);
    for (int t = 0; t < frames; t++) {
      int start = t * HOP_LENGTH;
      boolean allZero = true;
      for (int i = 0; i < N_FFT; i++) {
        float sample = padded[start + i];
        allZero &= sample == 0f;
        frame[i] = sample * window[i];
      }
      if (allZero) {
        // Padding to 30 s leaves many all-zero frames; their value is known without an FFT.
        for (int m = 0; m < melBins; m++) {
          out[outOffset + m * frames + t] = (float) silent;
        }
        max = Math.max(max, silent);
        continue;
      }
      fft.powerSpectrum(frame, power);
      filters.apply(power, mel);
      for (int m = 0; m < melBins; m++) {
        double value = Math.log10(Math.max(mel[m], MIN_POWER));
        max = Math.max(max, value);
        out[outOffset + m * frames + t] = (float) value;
      }
    }
    float floor = (float) (max - DYNAMIC_RANGE);
    for (int i = outOffset, end = outOffset + melBins * frames; i < end; i++) {
      out[i] = (Math.max(out[i], floor) + 4f) / 4f;
    }
  }
}
