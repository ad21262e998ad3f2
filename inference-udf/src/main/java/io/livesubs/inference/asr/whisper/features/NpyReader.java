package io.livesubs.inference.asr.whisper.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npy} arrays and {@code .npz} archives (a zip of {@code .npy} files), as far
 * as model assets need: little-endian {@code float32} ({@code <f4}) or {@code float64} ({@code
 * <f8}) in C order, format versions 1.0 to 3.0. Anything else is rejected with an error naming the
 * source and what was found. Stateless and thread-safe.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /**
   * Reads every array of an {@code .npz} archive.
   *
   * @return arrays by name, without the {@code .npy} suffix, in archive order
   * @throws IOException if the file cannot be read or holds an unsupported array
   */
  public static Map<String, NpyArray> readNpz(Path file) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().endsWith(".npy")) {
          continue;
        }
        String source = file + "!" + entry.getName();
        try (InputStream in = zip.getInputStream(entry)) {
          String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
          arrays.put(name, parse(in.readAllBytes(), source));
        }
      }
    }
    return arrays;
  }

  /**
   * Reads one {@code .npy} file.
   *
   * @throws IOException if the file cannot be read or holds an unsupported array
   */
  public static NpyArray readNpy(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * Parses the bytes of one {@code .npy} file.
   *
   * @param source names the bytes in error messages
   * @throws IOException if the bytes are not a supported {@code .npy} array
   */
  public static NpyArray parse(byte[] bytes, String source) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 10 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException(source + ": not a .npy array (bad magic)");
    }
    int major = bytes[6];
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(buf.getShort(8));
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      headerLength = buf.getInt(8);
      headerStart = 12;
    } else {
      throw new IOException(source + ": unsupported .npy format version " + major);
    }
    if (headerLength < 0 || headerStart + headerLength > bytes.length) {
      throw new IOException(source + ": truncated .npy header");
    }
    String header =
        new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1).trim();
    String descr = group(DESCR, header, "descr", source);
    if (!group(FORTRAN, header, "fortran_order", source).equals("False")) {
      throw new IOException(source + ": Fortran-ordered arrays are not supported");
    }
    int[] shape = parseShape(group(SHAPE, header, "shape", source), source);
    int width;
    if (descr.equals("<f4")) {
      width = Float.BYTES;
    } else if (descr.equals("<f8")) {
      width = Double.BYTES;
    } else {
      throw new IOException(source + ": unsupported dtype '" + descr + "' (need <f4 or <f8)");
    }
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    int dataStart = headerStart + headerLength;
    if (count > Integer.MAX_VALUE || dataStart + count * width > bytes.length) {
      throw new IOException(
          source + ": data shorter than shape " + Arrays.toString(shape) + " needs");
    }
    double[] data = new double[(int) count];
    buf.position(dataStart);
    for (int i = 0; i < data.length; i++) {
      data[i] = width == Float.BYTES ? buf.getFloat() : buf.getDouble();
    }
    return new NpyArray(descr, shape, data);
  }

  private static String group(Pattern pattern, String header, String key, String source)
      throws IOException {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IOException(source + ": .npy header has no '" + key + "': " + header);
    }
    return m.group(1);
  }

  private static int[] parseShape(String text, String source) throws IOException {
    String[] parts = text.split(",");
    int n = 0;
    int[] dims = new int[parts.length];
    for (String part : parts) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      try {
        dims[n] = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new IOException(source + ": bad dimension '" + p + "' in .npy shape", e);
      }
      if (dims[n] < 0) {
        throw new IOException(source + ": negative dimension in .npy shape");
      }
      n++;
    }
    return Arrays.copyOf(dims, n);
  }
}
