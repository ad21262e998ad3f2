package io.livesubs.inference.asr.whisper.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AudioWindowBufferTest {

  @Test
  void keepsPositionsAcrossTrimsAndGrowth() {
    AudioWindowBuffer buffer = new AudioWindowBuffer();
    short[] block = new short[7000];
    long written = 0;
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < block.length; i++) {
        block[i] = (short) ((written + i) % 30_000);
      }
      buffer.append(block, 0, block.length);
      written += block.length;
      if (round % 3 == 2) {
        buffer.trimTo(buffer.endSample() - 5000);
      }
      for (long p = buffer.startSample(); p < buffer.endSample(); p += 997) {
        assertEquals((p % 30_000) / 32768f, buffer.array()[buffer.offsetOf(p)], "sample " + p);
      }
    }
    assertEquals(written, buffer.endSample());
    assertThrows(IllegalArgumentException.class, () -> buffer.trimTo(buffer.startSample() - 1));
    assertThrows(IllegalArgumentException.class, () -> buffer.offsetOf(buffer.endSample() + 1));
  }
}
