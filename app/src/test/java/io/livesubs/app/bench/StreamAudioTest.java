package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A stream's window on a shared recording, wrapping around. */
class StreamAudioTest {

  private static final short[] RECORDING = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void readsFromItsOffsetAndWrapsAroundTheRecording() {
    StreamAudio stream = new StreamAudio("s", RECORDING, 7, 25);
    short[] chunk = new short[6];
    assertEquals(6, stream.read(0, chunk));
    assertArrayEquals(new short[] {7, 8, 9, 0, 1, 2}, chunk);
    assertEquals(6, stream.read(12, chunk));
    assertArrayEquals(new short[] {9, 0, 1, 2, 3, 4}, chunk);
  }

  @Test
  void endsAfterItsLength() {
    StreamAudio stream = new StreamAudio("s", RECORDING, 0, 8);
    short[] chunk = new short[6];
    Arrays.fill(chunk, (short) -1);
    assertEquals(2, stream.read(6, chunk));
    assertArrayEquals(new short[] {6, 7, -1, -1, -1, -1}, chunk);
    assertEquals(0, stream.read(8, chunk));
    assertEquals(0, stream.read(100, chunk));
  }

  @Test
  void refusesImpossibleWindows() {
    assertThrows(IllegalArgumentException.class, () -> new StreamAudio("s", RECORDING, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> new StreamAudio("s", RECORDING, -1, 5));
    assertThrows(IllegalArgumentException.class, () -> new StreamAudio("s", RECORDING, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new StreamAudio("s", new short[0], 0, 1));
    StreamAudio stream = new StreamAudio("s", RECORDING, 0, 5);
    assertThrows(IllegalArgumentException.class, () -> stream.read(-1, new short[2]));
  }
}
