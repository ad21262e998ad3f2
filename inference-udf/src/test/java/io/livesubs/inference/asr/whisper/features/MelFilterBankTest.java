package io.livesubs.inference.asr.whisper.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelFilterBankTest {
  @ParameterizedTest
  @ValueSource(ints = {80, 128})
  void computedSlaneyFiltersEqualOpenAisFile(int melBins) throws IOException {
    NpyArray file =
        NpyReader.readNpz(WhisperTestFiles.asset("mel_filters.npz")).get("mel_" + melBins);
    MelFilterBank computed = MelFilterBank.slaney(16_000, 400, melBins);
    assertEquals(melBins, computed.melBins());
    assertEquals(201, computed.fftBins());
    double worst = 0;
    for (int m = 0; m < melBins; m++) {
      for (int k = 0; k < 201; k++) {
        double expected = file.get(m * 201 + k);
        double diff = Math.abs(computed.weight(m, k) - expected);
        worst = Math.max(worst, diff / Math.max(expected, 1e-3));
      }
    }
    // Float rounding of the same double-precision formula: a few float ulps at most.
    assertTrue(worst < 1e-6, "worst relative difference " + worst);
  }

  @Test
  void appliesLikeADenseMatrixProductWhileStoringFewWeights() throws IOException {
    Path npz = WhisperTestFiles.asset("mel_filters.npz");
    NpyArray dense = NpyReader.readNpz(npz).get("mel_80");
    MelFilterBank bank = MelFilterBank.load(npz, 80);
    assertTrue(
        bank.storedWeights() < 80 * 201 / 10,
        "sparse storage keeps " + bank.storedWeights() + " of " + 80 * 201);
    Random random = new Random(7);
    double[] power = new double[201];
    for (int k = 0; k < power.length; k++) {
      power[k] = random.nextDouble() * 100;
    }
    double[] mel = new double[80];
    bank.apply(power, mel);
    for (int m = 0; m < 80; m++) {
      double expected = 0;
      for (int k = 0; k < 201; k++) {
        expected += dense.get(m * 201 + k) * power[k];
      }
      assertEquals(expected, mel[m], 1e-9 * Math.max(1, expected), "mel bin " + m);
    }
  }

  @Test
  void loadNamesTheMissingArray() {
    Path npz = WhisperTestFiles.asset("mel_filters.npz");
    IOException e = assertThrows(IOException.class, () -> MelFilterBank.load(npz, 64));
    assertTrue(e.getMessage().contains("mel_64"), e.getMessage());
  }

  @Test
  void rejectsBadWeights() {
    assertThrows(IllegalArgumentException.class, () -> MelFilterBank.fromDense(2, 3, new float[5]));
    assertThrows(
        IllegalArgumentException.class,
        () -> MelFilterBank.fromDense(1, 2, new float[] {0.5f, Float.NaN}));
    assertThrows(IllegalArgumentException.class, () -> MelFilterBank.slaney(16_000, 400, 0));
  }
}
