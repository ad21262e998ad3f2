package io.livesubs.inference.asr.whisper.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NpyReaderTest {
  @Test
  void readsWhispersMelFilterArchive() throws IOException {
    Map<String, NpyArray> arrays = NpyReader.readNpz(WhisperTestFiles.asset("mel_filters.npz"));
    assertEquals(List.of("mel_80", "mel_128"), List.copyOf(arrays.keySet()));
    assertArrayEquals(new int[] {80, 201}, arrays.get("mel_80").shape());
    assertArrayEquals(new int[] {128, 201}, arrays.get("mel_128").shape());
    assertEquals("<f4", arrays.get("mel_80").dtype());
    // Filters are non-negative triangles; the first one starts at 0 Hz (bin 0 has weight 0).
    double max = 0;
    for (int i = 0; i < arrays.get("mel_80").size(); i++) {
      assertTrue(arrays.get("mel_80").get(i) >= 0);
      max = Math.max(max, arrays.get("mel_80").get(i));
    }
    assertTrue(max > 0.01 && max < 0.1, "Slaney-normalised peaks are ~0.02-0.03, saw " + max);
  }

  @Test
  void readsFloat64AndVersion2Headers() throws IOException {
    byte[] v1 =
        npy(
            1,
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
            f8(1, 2, 3, 4, 5, 6.5));
    NpyArray a = NpyReader.parse(v1, "v1");
    assertArrayEquals(new int[] {2, 3}, a.shape());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6.5}, a.toDoubles());

    byte[] v2 =
        npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", f4(0.25f, -1f, 3f));
    NpyArray b = NpyReader.parse(v2, "v2");
    assertArrayEquals(new int[] {3}, b.shape());
    assertArrayEquals(new float[] {0.25f, -1f, 3f}, b.toFloats());
  }

  @Test
  void rejectsWhatItCannotRead() {
    String header = "{'descr': '<f4', 'fortran_order': %s, 'shape': (2,), }";
    IOException fortran =
        assertThrows(
            IOException.class,
            () -> NpyReader.parse(npy(1, header.formatted("True"), f4(1, 2)), "x.npy"));
    assertTrue(fortran.getMessage().contains("Fortran"), fortran.getMessage());

    IOException dtype =
        assertThrows(
            IOException.class,
            () ->
                NpyReader.parse(
                    npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", f8(1)),
                    "x.npy"));
    assertTrue(dtype.getMessage().contains("'<i8'"), dtype.getMessage());

    IOException truncated =
        assertThrows(
            IOException.class,
            () -> NpyReader.parse(npy(1, header.formatted("False"), f4(1)), "x.npy"));
    assertTrue(truncated.getMessage().contains("shorter"), truncated.getMessage());

    IOException magic =
        assertThrows(
            IOException.class,
            () -> NpyReader.parse("not numpy".getBytes(StandardCharsets.US_ASCII), "x.npy"));
    assertTrue(magic.getMessage().startsWith("x.npy"), magic.getMessage());
  }

  private static byte[] npy(int major, String header, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    byte[] text = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      length.putShort((short) text.length);
    } else {
      length.putInt(text.length);
    }
    out.writeBytes(length.array());
    out.writeBytes(text);
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static byte[] f4(float... values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      buf.putFloat(v);
    }
    return buf.array();
  }

  private static byte[] f8(double... values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      buf.putDouble(v);
    }
    return buf.array();
  }
}
