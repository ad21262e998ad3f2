package io.livesubs.ingest.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real recordings in {@code ../shared/eval} (skipped when they are absent). */
class SharedSpeechWavTest {

  private static Path evalDir() {
    String configured = System.getProperty("livesubs.shared.dir");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "shared");
    Path eval = shared.resolve("eval");
    Assumptions.assumeTrue(
        Files.isRegularFile(eval.resolve("speech.tsv")),
        "shared evaluation audio not found at " + eval.toAbsolutePath() + "; skipping");
    return eval;
  }

  @Test
  void everyListedRecordingHasTheListedDurationAndAudio() throws IOException {
    Path eval = evalDir();
    List<String> rows = Files.readAllLines(eval.resolve("speech.tsv"), StandardCharsets.UTF_8);
    int checked = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t");
      Path wav = eval.resolve(cols[0]);
      double seconds = Double.parseDouble(cols[1]);
      long declared;
      try (WavReader reader = WavReader.open(wav)) {
        declared = reader.declaredFrames().orElseThrow();
      }
      try (WavFileSource source = WavFileSource.open(wav)) {
        short[] buf = new short[8192];
        long samples = 0;
        double energy = 0;
        int n;
        while ((n = source.read(buf, 0, buf.length)) > 0) {
          for (int i = 0; i < n; i++) {
            energy += (double) buf[i] * buf[i];
          }
          samples += n;
        }
        assertEquals(declared, samples, wav + " sample count");
        // The listed durations come from the sources' metadata and are rounded, some loosely.
        assertEquals(seconds, samples / 16_000.0, 0.1, wav + " duration");
        double rms = Math.sqrt(energy / samples) / 32768;
        assertTrue(rms > 0.001 && rms < 0.7, wav + " has implausible level " + rms);
      }
      checked++;
    }
    assertTrue(checked > 0, "speech.tsv lists no recordings");
  }
}
