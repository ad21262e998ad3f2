package io.livesubs.inference.asr.whisper.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import io.livesubs.inference.audio.WavReader;
import io.livesubs.inference.testsupport.ReferenceCommands;
import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the Java features with an independent NumPy computation of Whisper's reference ({@code
 * scripts/whisper/log_mel_reference.py}) on real speech, and checks properties that follow from the
 * definition (tone peaks, silence).
 */
class LogMelSpectrogramTest {
  private static final Logger LOG = LoggerFactory.getLogger(LogMelSpectrogramTest.class);

  /** Stated tolerance in log-mel units (the model input ranges over about [-1.5, 1.5]). */
  static final double TOLERANCE = 1e-5;

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} mels={1} mode={2}")
  @CsvSource({
    "speech/en/ljspeech/LJ050-0131.wav, 80, window, 0",
    "speech/en/ljspeech/LJ050-0131.wav, 128, window, 0",
    "speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-0870.wav, 80, raw, 0",
    "longform/en_dev_mix.wav, 80, window, 45",
  })
  void matchesTheNumpyReference(String clip, int melBins, String mode, int maxSeconds)
      throws IOException {
    String python = ReferenceCommands.python("numpy");
    Path filters = WhisperTestFiles.asset("mel_filters.npz");
    Path wav = TestData.evalFile(clip);
    Path out = tmp.resolve("reference.npy");
    List<String> command =
        new ArrayList<>(
            List.of(
                python,
                WhisperTestFiles.script("log_mel_reference.py").toString(),
                "--wav",
                wav.toString(),
                "--filters",
                filters.toString(),
                "--n-mels",
                Integer.toString(melBins),
                "--out",
                out.toString()));
    float[] audio = LogMelSpectrogram.toFloat(WavReader.readMono16k(wav));
    int length = audio.length;
    if (maxSeconds > 0) {
      command.addAll(List.of("--max-seconds", Integer.toString(maxSeconds)));
      length = Math.min(length, maxSeconds * LogMelSpectrogram.SAMPLE_RATE);
    }
    boolean raw = mode.equals("raw");
    if (raw) {
      command.add("--no-pad");
    }
    ReferenceCommands.runChecked(command, 300);
    NpyArray reference = NpyReader.readNpy(out);

    LogMelSpectrogram spectrogram = new LogMelSpectrogram(MelFilterBank.load(filters, melBins));
    float[] actual;
    int frames;
    if (raw) {
      actual = spectrogram.compute(audio, 0, length);
      frames = LogMelSpectrogram.frameCount(length);
    } else {
      actual = new float[melBins * LogMelSpectrogram.N_FRAMES];
      spectrogram.window(audio, 0, length, actual, 0);
      frames = LogMelSpectrogram.N_FRAMES;
    }
    assertArrayEquals(new int[] {melBins, frames}, reference.shape());
    double worst = 0;
    int worstAt = -1;
    for (int i = 0; i < actual.length; i++) {
      double diff = Math.abs(actual[i] - reference.get(i));
      if (diff > worst) {
        worst = diff;
        worstAt = i;
      }
    }
    LOG.info(
        "{} mels={} {}: max |java - numpy| = {} over {} values",
        clip,
        melBins,
        mode,
        worst,
        actual.length);
    assertTrue(
        worst <= TOLERANCE,
        "max abs diff " + worst + " at mel " + worstAt / frames + " frame " + worstAt % frames);
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 25, 75}) // 440 Hz, 1 kHz, 3 kHz: exact FFT bins at 40 Hz per bin
  void aPureTonePeaksInTheMelBinItsSpectrumFallsInto(int fftBin) {
    MelFilterBank bank = MelFilterBank.slaney(16_000, 400, 80);
    double amplitude = 0.5;
    float[] audio = new float[LogMelSpectrogram.N_SAMPLES];
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) (amplitude * Math.sin(2 * Math.PI * fftBin * 40.0 * i / 16_000));
    }
    // Under a Hann window a bin-centred tone puts |X|^2 in bin b and a quarter of it in b +- 1.
    int expected = 0;
    double best = -1;
    for (int m = 0; m < 80; m++) {
      double energy =
          bank.weight(m, fftBin) + 0.25 * (bank.weight(m, fftBin - 1) + bank.weight(m, fftBin + 1));
      if (energy > best) {
        best = energy;
        expected = m;
      }
    }
    float[] mel = new LogMelSpectrogram(bank).window(audio);
    int frames = LogMelSpectrogram.N_FRAMES;
    for (int t = 2; t < frames - 2; t += 97) {
      int peak = 0;
      for (int m = 1; m < 80; m++) {
        if (mel[m * frames + t] > mel[peak * frames + t]) {
          peak = m;
        }
      }
      assertEquals(expected, peak, "peak mel bin of a " + fftBin * 40 + " Hz tone at frame " + t);
      // The peak is the spectrogram maximum; 8 log10 units below it is the floor.
      assertEquals(
          (float) ((Math.log10(best * Math.pow(amplitude * 400 / 4, 2)) + 4) / 4),
          mel[peak * frames + t],
          1e-4);
    }
  }

  @Test
  void silenceIsTheClampedFloorEverywhere() {
    float[] mel = new LogMelSpectrogram(MelFilterBank.slaney(16_000, 400, 80)).window(new float[0]);
    // log10(1e-10) = -10, which is also the maximum, so (−10 + 4) / 4 everywhere.
    for (float v : mel) {
      assertEquals(-1.5f, v);
    }
  }

  @Test
  void writesIntoABatchBufferAtAnOffsetAndReusesItsBuffers() {
    LogMelSpectrogram spectrogram = new LogMelSpectrogram(MelFilterBank.slaney(16_000, 400, 80));
    float[] audio = new float[5 * 16_000];
    Random random = new Random(3);
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) (0.1 * random.nextGaussian());
    }
    int size = 80 * LogMelSpectrogram.N_FRAMES;
    float[] batch = new float[3 * size];
    spectrogram.window(audio, 16_000, 2 * 16_000, batch, size);
    float[] alone =
        spectrogram.window(
            LogMelSpectrogram.padOrTrim(Arrays.copyOfRange(audio, 16_000, 48_000), 480_000));
    assertArrayEquals(alone, Arrays.copyOfRange(batch, size, 2 * size));
    assertEquals(0f, batch[0]);
    assertEquals(0f, batch[2 * size]);
  }

  @Test
  void rejectsBadInput() {
    LogMelSpectrogram spectrogram = new LogMelSpectrogram(MelFilterBank.slaney(16_000, 400, 80));
    IllegalArgumentException shortInput =
        assertThrows(
            IllegalArgumentException.class, () -> spectrogram.compute(new float[200], 0, 200));
    assertTrue(shortInput.getMessage().contains("200"), shortInput.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new LogMelSpectrogram(MelFilterBank.slaney(16_000, 512, 80)));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> spectrogram.window(new float[10], 0, 10, new float[100], 0));
  }
}
