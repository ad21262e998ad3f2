package io.livesubs.inference.asr.whisper.decoding;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * The reference's compression ratio of a text: its UTF-8 length divided by the length of its zlib
 * stream at the default level. Ordinary speech scores about 1 to 2; looping text well above 2.4.
 */
public final class CompressionRatio {
  private CompressionRatio() {}

  /** The ratio for {@code text}; 0 for the empty text. */
  public static double of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      return 0;
    }
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      byte[] buffer = new byte[bytes.length + 64];
      int compressed = 0;
      while (!deflater.finished()) {
        compressed += deflater.deflate(buffer);
      }
      return bytes.length / (double) compressed;
    } finally {
      deflater.end();
    }
  }
}
