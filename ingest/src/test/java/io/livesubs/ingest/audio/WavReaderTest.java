package io.livesubs.ingest.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavReaderTest {

  @TempDir Path dir;

  private static float[] readAll(WavReader reader, int expectedSamples) throws IOException {
    float[] all = new float[expectedSamples];
    float[] block = new float[333 * reader.format().channels()];
    int pos = 0;
    int n;
    while ((n = reader.read(block, 333)) > 0) {
      int samples = n * reader.format().channels();
      assertTrue(pos + samples <= all.length, "more samples than written");
      System.arraycopy(block, 0, all, pos, samples);
      pos += samples;
    }
    assertEquals(expectedSamples, pos, "samples read");
    return all;
  }

  private static float tolerance(SampleEncoding e) {
    return switch (e) {
      case PCM_U8 -> 1f / 128;
      case PCM_S16 -> 1f / 32768;
      case PCM_S24 -> 1f / 8_388_608;
      case PCM_S32, FLOAT32, FLOAT64 -> 1e-7f;
    };
  }

  private static WavReader open(byte[] bytes) throws IOException {
    return WavReader.open(new ByteArrayInputStream(bytes), "test.wav");
  }

  @ParameterizedTest
  @EnumSource(SampleEncoding.class)
  void decodesEveryEncodingPlainAndExtensible(SampleEncoding encoding) throws IOException {
    float[] signal = Signals.sine(440, 22_050, 5_000, 0.9);
    signal[0] = -1f; // full scale negative is representable in every integer format
    for (boolean extensible : new boolean[] {false, true}) {
      WavBytes wav = WavBytes.of(22_050, 1, encoding);
      if (extensible) {
        wav.extensible();
      }
      try (WavReader reader = open(wav.write(signal))) {
        assertEquals(22_050, reader.format().sampleRate());
        assertEquals(encoding, reader.format().encoding());
        assertEquals(extensible, reader.format().extensible());
        assertEquals(signal.length, reader.declaredFrames().getAsLong());
        float[] got = readAll(reader, signal.length);
        for (int i = 0; i < signal.length; i++) {
          assertEquals(signal[i], got[i], tolerance(encoding), encoding + " sample " + i);
        }
      }
    }
  }

  @Test
  void keepsChannelsInterleavedAndSkipsOtherChunks() throws IOException {
    float[] stereo = new float[2000];
    for (int i = 0; i < stereo.length; i += 2) {
      stereo[i] = 0.5f;
      stereo[i + 1] = -0.25f;
    }
    byte[] bytes =
        WavBytes.of(8_000, 2, SampleEncoding.PCM_S16).listChunkBeforeData().write(stereo);
    try (WavReader reader = open(bytes)) {
      assertEquals(2, reader.format().channels());
      float[] got = readAll(reader, stereo.length);
      assertEquals(0.5f, got[998]);
      assertEquals(-0.25f, got[999]);
    }
  }

  @Test
  void readsOpenEndedDataToTheEndOfInput() throws IOException {
    float[] signal = Signals.sine(100, 16_000, 1234, 0.3);
    try (WavReader reader =
        open(WavBytes.of(16_000, 1, SampleEncoding.FLOAT32).openEndedData().write(signal))) {
      assertFalse(reader.declaredFrames().isPresent());
      readAll(reader, signal.length);
    }
  }

  @Test
  void truncatedFileYieldsItsWholeFrames() throws IOException {
    byte[] bytes =
        WavBytes.of(16_000, 2, SampleEncoding.PCM_S16).truncateData(3).write(new float[200]);
    try (WavReader reader = open(bytes)) {
      readAll(reader, 198); // 100 frames declared, the last one and a half cut off
    }
  }

  @Test
  void downmixesResamplesAndConvertsMultichannelFiles() throws IOException {
    int rate = 48_000;
    int frames = rate; // 1 s
    float[] sixChannels = new float[frames * 6];
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < 6; c++) {
        sixChannels[f * 6 + c] = 0.1f * c; // mean 0.25
      }
    }
    Path file = dir.resolve("surround.wav");
    Files.write(file, WavBytes.of(rate, 6, SampleEncoding.PCM_S24).extensible().write(sixChannels));
    try (WavFileSource source = WavFileSource.open(file)) {
      short[] out = new short[20_000];
      int n = source.readFully(out, 0, out.length);
      assertEquals(16_000, n);
      for (int i = 500; i < n - 500; i++) {
        assertEquals(8192, out[i], 1, "sample " + i);
      }
      assertEquals(-1, source.read(out, 0, 10));
    }
  }

  @Test
  void stereoToneIsDownmixedToHalfLevel() throws IOException {
    int rate = 44_100;
    float[] left = Signals.sine(1000, rate, rate, 0.8);
    float[] stereo = new float[2 * rate];
    for (int i = 0; i < rate; i++) {
      stereo[2 * i] = left[i];
    }
    Path file = dir.resolve("stereo.wav");
    Files.write(file, WavBytes.of(rate, 2, SampleEncoding.PCM_S16).write(stereo));
    try (WavFileSource source = WavFileSource.open(file)) {
      short[] out = new short[17_000];
      int n = source.readFully(out, 0, out.length);
      assertEquals(16_000, n);
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = PcmSamples.toFloat(out[i]);
      }
      double rms = Signals.rms(f, 2000, 14_000);
      assertEquals(0.4 / Math.sqrt(2), rms, 0.4 / Math.sqrt(2) * 0.01);
    }
  }

  @Test
  void rejectsFilesThatAreNotWav() throws IOException {
    Path text = dir.resolve("x.wav");
    Files.writeString(text, "hello, this is not audio at all", StandardCharsets.UTF_8);
    InvalidAudioException e = assertThrows(InvalidAudioException.class, () -> WavReader.open(text));
    assertEquals(text + " is not a WAV file (no RIFF/WAVE header)", e.getMessage());

    Path empty = dir.resolve("empty.wav");
    Files.write(empty, new byte[0]);
    e = assertThrows(InvalidAudioException.class, () -> WavReader.open(empty));
    assertEquals(empty + " is not a WAV file (no RIFF/WAVE header)", e.getMessage());

    assertThrows(NoSuchFileException.class, () -> WavReader.open(dir.resolve("missing.wav")));
  }

  @Test
  void rejectsUnsupportedEncodingsByName() {
    byte[] mp3 = WavBytes.of(44_100, 2, SampleEncoding.PCM_S16).formatTag(0x55).write(new float[8]);
    InvalidAudioException e = assertThrows(InvalidAudioException.class, () -> open(mp3));
    assertEquals("unsupported WAV encoding: format tag 0x0055 (MPEG Layer 3)", e.getMessage());

    byte[] alaw = WavBytes.of(8_000, 1, SampleEncoding.PCM_U8).formatTag(6).write(new float[8]);
    e = assertThrows(InvalidAudioException.class, () -> open(alaw));
    assertEquals("unsupported WAV encoding: format tag 0x0006 (A-law)", e.getMessage());
  }

  @Test
  void rejectsFilesWithoutSamples() throws IOException {
    byte[] noData = WavBytes.of(16_000, 1, SampleEncoding.PCM_S16).write(new float[0]);
    InvalidAudioException e = assertThrows(InvalidAudioException.class, () -> open(noData));
    assertEquals("test.wav has no audio samples", e.getMessage());

    byte[] openEmpty =
        WavBytes.of(16_000, 1, SampleEncoding.PCM_S16).openEndedData().write(new float[0]);
    try (WavReader reader = open(openEmpty)) {
      e = assertThrows(InvalidAudioException.class, () -> reader.read(new float[10], 10));
      assertEquals("test.wav has no audio samples", e.getMessage());
    }

    byte[] headerOnly = "RIFF\u0004\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1);
    e = assertThrows(InvalidAudioException.class, () -> open(headerOnly));
    assertEquals("test.wav is a damaged WAV file: no fmt chunk", e.getMessage());
  }
}
