package io.livesubs.app.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small PCM WAV files for the player tests (16 kHz, mono, 16-bit). */
final class MediaWav {

  private static final int RATE = 16_000;

  private MediaWav() {}

  /** Writes {@code durationMs} of a quiet 440 Hz tone to {@code file}. */
  static void writeTone(Path file, long durationMs) throws IOException {
    int samples = (int) (RATE * durationMs / 1000);
    int dataBytes = samples * 2;
    ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
    wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    wav.putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2);
    wav.putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
    for (int i = 0; i < samples; i++) {
      wav.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / RATE)));
    }
    Files.write(file, wav.array());
  }
}
