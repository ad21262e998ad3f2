package io.livesubs.inference.vad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SegmenterSnapshotTest {
  private static SegmenterSnapshot sample() {
    float[] rnn = new float[VadState.RNN_STATE_SIZE];
    float[] ctx = new float[VadState.CONTEXT_SIZE];
    for (int i = 0; i < rnn.length; i++) {
      rnn[i] = (float) Math.sin(i) * 1e-3f;
    }
    ctx[5] = -0.25f;
    ctx[6] = Float.MIN_VALUE;
    return new SegmenterSnapshot(
        VadState.of(rnn, ctx),
        123_456,
        new float[] {0.5f, -0f, 1e-7f},
        SpeechPhase.SPEECH,
        100,
        90,
        120_000,
        -1,
        50);
  }

  @Test
  void bytesRoundTripBitExactly() {
    SegmenterSnapshot s = sample();
    SegmenterSnapshot back = SegmenterSnapshot.fromBytes(s.toBytes());
    assertEquals(s, back);
    assertArrayEquals(s.pendingSamples(), back.pendingSamples());
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(back.pendingSamples()[1]));
  }

  @Test
  void isImmutable() {
    float[] pending = {1f};
    SegmenterSnapshot s =
        new SegmenterSnapshot(
            VadState.initial(), 0, pending, SpeechPhase.SILENCE, -1, -1, -1, -1, 0);
    pending[0] = 2f;
    s.pendingSamples()[0] = 3f;
    assertEquals(1f, s.pendingSamples()[0]);
  }

  @Test
  void rejectsUnknownVersionTruncationAndTrailingBytes() {
    byte[] bytes = sample().toBytes();
    byte[] wrongVersion = bytes.clone();
    wrongVersion[0] = 9;
    assertThrows(IllegalArgumentException.class, () -> SegmenterSnapshot.fromBytes(wrongVersion));
    assertThrows(
        IllegalArgumentException.class,
        () -> SegmenterSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)));
    assertThrows(
        IllegalArgumentException.class,
        () -> SegmenterSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length + 1)));
  }

  @Test
  void equalityIsBitwiseOnState() {
    float[] ctx = new float[VadState.CONTEXT_SIZE];
    ctx[0] = 1e-9f;
    assertNotEquals(VadState.initial(), VadState.of(new float[VadState.RNN_STATE_SIZE], ctx));
    assertThrows(IllegalArgumentException.class, () -> VadState.of(new float[3], ctx));
  }
}
