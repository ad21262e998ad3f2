package io.livesubs.inference.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
  @TempDir Path tmp;

  /** Writes a canonical WAV with an extra chunk before "data" and the given data size field. */
  private Path write(int rate, int channels, int bits, short[] samples, int dataSizeField)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + 12 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 12 + samples.length * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels);
    b.putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8));
    b.putShort((short) bits);
    b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
    b.put("data".getBytes()).putInt(dataSizeField);
    for (short s : samples) {
      b.putShort(s);
    }
    return Files.write(tmp.resolve("a.wav"), b.array());
  }

  @Test
  void readsPcmSkippingOtherChunksAndToleratesStreamingSizes() throws IOException {
    short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 1234};
    for (int sizeField : new int[] {samples.length * 2, 0, -1}) {
      PcmAudio audio = WavReader.read(write(16_000, 1, 16, samples, sizeField));
      assertEquals(16_000, audio.sampleRate());
      assertEquals(1, audio.channels());
      assertArrayEquals(samples, audio.samples(), "size field " + sizeField);
    }
  }

  @Test
  void rejectsOtherFormatsWithTheFileName() throws IOException {
    Path stereo = write(16_000, 2, 16, new short[] {1, 2}, 4);
    IOException e = assertThrows(IOException.class, () -> WavReader.readMono16k(stereo));
    assertTrue(
        e.getMessage().contains("a.wav") && e.getMessage().contains("2 channel"), e.getMessage());
    Path eightBit = write(16_000, 1, 8, new short[] {1}, 2);
    assertThrows(IOException.class, () -> WavReader.read(eightBit));
    Path text = Files.writeString(tmp.resolve("t.wav"), "not a wav at all");
    assertThrows(IOException.class, () -> WavReader.read(text));
  }

  @Test
  void readsTheSharedEvaluationAudio() throws IOException {
    short[] pcm = WavReader.readMono16k(TestData.evalFile("speech/en/asterisk/agent-pass.wav"));
    assertEquals(3.285, pcm.length / 16_000.0, 0.01, "duration listed in speech.tsv");
  }
}
