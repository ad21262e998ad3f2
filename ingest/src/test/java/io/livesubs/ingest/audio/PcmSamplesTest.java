package io.livesubs.ingest.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PcmSamplesTest {

  @Test
  void everySixteenBitValueSurvivesARoundTrip() {
    for (int v = Short.MIN_VALUE; v <= Short.MAX_VALUE; v++) {
      assertEquals((short) v, PcmSamples.toS16(PcmSamples.toFloat((short) v)));
    }
  }

  @Test
  void clipsInsteadOfWrapping() {
    assertEquals(Short.MAX_VALUE, PcmSamples.toS16(1.0f));
    assertEquals(Short.MAX_VALUE, PcmSamples.toS16(1.7f));
    assertEquals(Short.MIN_VALUE, PcmSamples.toS16(-1.0f));
    assertEquals(Short.MIN_VALUE, PcmSamples.toS16(-3f));
    assertEquals(Short.MAX_VALUE, PcmSamples.toS16(Float.POSITIVE_INFINITY));
    assertEquals(0, PcmSamples.toS16(Float.NaN));
    assertEquals(16384, PcmSamples.toS16(0.5f));
  }

  @Test
  void littleEndianBytesRoundTrip() {
    short[] samples = {0, 1, -1, 0x1234, Short.MIN_VALUE, Short.MAX_VALUE};
    byte[] bytes = new byte[samples.length * 2];
    PcmSamples.toLittleEndian(samples, 0, samples.length, bytes, 0);
    assertEquals(0x34, bytes[6]);
    assertEquals(0x12, bytes[7]);
    short[] back = new short[samples.length];
    PcmSamples.fromLittleEndian(bytes, 0, samples.length, back, 0);
    assertArrayEquals(samples, back);
  }

  @Test
  void downmixAveragesChannels() {
    float[] in = {1f, 0f, -1f, 0.5f, 0.25f, 0.25f};
    float[] out = new float[2];
    PcmSamples.downmix(in, 2, 3, out);
    assertEquals(0f, out[0], 1e-7);
    assertEquals(1f / 3, out[1], 1e-7);
  }
}
