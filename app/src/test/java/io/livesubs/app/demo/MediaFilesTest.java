package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.testing.TestAudio;
import io.livesubs.ingest.audio.MonoPcmSource;
import io.livesubs.ingest.audio.WavFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's media files and joined inputs, read back with ingest's own WAV reader: what is written
 * is exactly what is read, and joining puts exactly the gap between files.
 */
class MediaFilesTest {

  @TempDir Path dir;

  private static short[] readAll(MonoPcmSource source) throws IOException {
    short[] buffer = new short[1 << 20];
    int n = source.readFully(buffer, 0, buffer.length);
    return Arrays.copyOf(buffer, n);
  }

  @Test
  void aWrittenFileReadsBackSampleForSample() throws IOException {
    short[] samples = TestAudio.noise(12_345, 1);
    Path file = TestAudio.wav(dir.resolve("a.wav"), samples);
    assertEquals(44 + 2 * samples.length, Files.size(file));
    try (WavFileSource source = WavFileSource.open(file)) {
      assertEquals(16_000, source.fileFormat().sampleRate());
      assertArrayEquals(samples, readAll(source));
    }
    assertTrue(Files.list(dir).noneMatch(f -> f.toString().endsWith(".partial")));
  }

  @Test
  void joinedFilesHaveTheGapBetweenThemAndNowhereElse() throws IOException {
    short[] a = TestAudio.noise(1_000, 2);
    short[] b = TestAudio.noise(500, 3);
    short[] c = TestAudio.noise(700, 4);
    List<Path> files =
        List.of(
            TestAudio.wav(dir.resolve("a.wav"), a),
            TestAudio.wav(dir.resolve("b.wav"), b),
            TestAudio.wav(dir.resolve("c.wav"), c));
    short[] joined;
    try (JoinedWavSource source = new JoinedWavSource(files, 250)) {
      joined = readAll(source);
      assertEquals(-1, source.read(new short[10], 0, 10), "stays at the end");
    }
    int gap = 4_000; // 250 ms at 16 kHz
    short[] expected = new short[a.length + gap + b.length + gap + c.length];
    System.arraycopy(a, 0, expected, 0, a.length);
    System.arraycopy(b, 0, expected, a.length + gap, b.length);
    System.arraycopy(c, 0, expected, a.length + gap + b.length + gap, c.length);
    assertArrayEquals(expected, joined);
  }

  @Test
  void aMissingFileFailsWhenItsTurnComes() throws IOException {
    Path a = TestAudio.wav(dir.resolve("a.wav"), TestAudio.noise(100, 5));
    try (JoinedWavSource source = new JoinedWavSource(List.of(a, dir.resolve("gone.wav")), 0)) {
      short[] buffer = new short[1000];
      assertEquals(100, source.readFully(buffer, 0, 100));
      assertThrows(IOException.class, () -> source.read(buffer, 0, 10));
    }
  }
}
