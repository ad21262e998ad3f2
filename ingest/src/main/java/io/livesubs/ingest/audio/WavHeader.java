package io.livesubs.ingest.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Parses the header of a RIFF/WAVE (or RF64) stream up to the first byte of its {@code data} chunk:
 * the {@code fmt } chunk, with {@code WAVE_FORMAT_EXTENSIBLE} resolved, and the data length. Chunks
 * other than {@code fmt }, {@code ds64} and {@code data} are skipped. Immutable result.
 *
 * @param format the declared audio format
 * @param dataBytes the declared length of the data chunk in bytes, or -1 when the writer left it
 *     open (streamed WAV: read to the end of the input)
 */
record WavHeader(WavFormat format, long dataBytes) {

  private static final int TAG_PCM = 0x0001;
  private static final int TAG_FLOAT = 0x0003;
  private static final int TAG_EXTENSIBLE = 0xFFFE;
  private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

  /** The tail shared by all KSDATAFORMAT_SUBTYPE GUIDs (bytes 2..15 of the sub-format). */
  private static final byte[] SUBTYPE_GUID_TAIL = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };

  private static final Map<Integer, String> TAG_NAMES =
      Map.ofEntries(
          Map.entry(0x0002, "Microsoft ADPCM"),
          Map.entry(0x0006, "A-law"),
          Map.entry(0x0007, "mu-law"),
          Map.entry(0x0011, "IMA ADPCM"),
          Map.entry(0x0031, "GSM 6.10"),
          Map.entry(0x0050, "MPEG"),
          Map.entry(0x0055, "MPEG Layer 3"),
          Map.entry(0x00FF, "AAC"),
          Map.entry(0x1610, "AAC"),
          Map.entry(0x2000, "AC-3"),
          Map.entry(0xF1AC, "FLAC"));

  /**
   * Reads the header from {@code in}, leaving it positioned at the first data byte.
   *
   * @param name how to call the input in error messages (e.g. its path)
   * @throws InvalidAudioException when the input is not a WAV file, is damaged, uses an unsupported
   *     encoding or declares no samples
   */
  static WavHeader read(InputStream in, String name) throws IOException {
    LittleEndianInput le = new LittleEndianInput(in);
    String riff;
    String wave;
    try {
      riff = le.fourCc();
      le.u32();
      wave = le.fourCc();
    } catch (EOFException e) {
      throw notWav(name);
    }
    boolean rf64 = riff.equals("RF64");
    if (!(riff.equals("RIFF") || rf64) || !wave.equals("WAVE")) {
      throw notWav(name);
    }
    WavFormat format = null;
    long ds64DataBytes = -1;
    try {
      while (true) {
        String id = le.fourCc();
        long size = le.u32();
        switch (id) {
          case "fmt " -> format = parseFmt(le, size, name);
          case "ds64" -> ds64DataBytes = parseDs64(le, size);
          case "data" -> {
            if (format == null) {
              throw new InvalidAudioException(name + " is a damaged WAV file: data before fmt");
            }
            long dataBytes = size;
            if (size == UNKNOWN_SIZE) {
              dataBytes = rf64 && ds64DataBytes >= 0 ? ds64DataBytes : -1;
            }
            if (dataBytes >= 0 && dataBytes < format.frameBytes()) {
              throw noSamples(name);
            }
            return new WavHeader(format, dataBytes);
          }
          default -> le.skip(size + (size & 1));
        }
      }
    } catch (EOFException e) {
      if (format == null) {
        throw new InvalidAudioException(name + " is a damaged WAV file: no fmt chunk");
      }
      throw new InvalidAudioException(name + " has no audio samples (no data chunk)");
    }
  }

  static InvalidAudioException noSamples(String name) {
    return new InvalidAudioException(name + " has no audio samples");
  }

  private static InvalidAudioException notWav(String name) {
    return new InvalidAudioException(name + " is not a WAV file (no RIFF/WAVE header)");
  }

  private static long parseDs64(LittleEndianInput le, long size) throws IOException {
    le.u64(); // RIFF size
    long dataBytes = le.u64();
    le.skip(size - 16 + (size & 1));
    return dataBytes;
  }

  private static WavFormat parseFmt(LittleEndianInput le, long size, String name)
      throws IOException {
    if (size < 16) {
      throw new InvalidAudioException(name + " is a damaged WAV file: fmt chunk too short");
    }
    int tag = le.u16();
    int channels = le.u16();
    long sampleRate = le.u32();
    le.u32(); // byte rate: derived, not trusted
    int blockAlign = le.u16();
    int bits = le.u16();
    long consumed = 16;
    boolean extensible = tag == TAG_EXTENSIBLE;
    if (extensible) {
      if (size < 40) {
        throw new InvalidAudioException(
            name + " is a damaged WAV file: WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
      }
      le.u16(); // cbSize
      le.u16(); // valid bits per sample: samples are scaled by their container
      le.u32(); // channel mask: every channel is mixed down alike
      tag = le.u16();
      byte[] tail = le.bytes(SUBTYPE_GUID_TAIL.length);
      consumed += 24;
      if (!Arrays.equals(tail, SUBTYPE_GUID_TAIL)) {
        throw new InvalidAudioException(
            "unsupported WAV encoding: WAVE_FORMAT_EXTENSIBLE with a non-standard sub-format GUID");
      }
    }
    le.skip(size - consumed + (size & 1));
    if (channels == 0) {
      throw new InvalidAudioException(name + " is a damaged WAV file: 0 channels");
    }
    if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
      throw new InvalidAudioException(
          name + " is a damaged WAV file: sample rate " + sampleRate + " Hz");
    }
    int containerBytes = blockAlign > 0 ? blockAlign / channels : (bits + 7) / 8;
    if (blockAlign > 0 && blockAlign % channels != 0) {
      throw new InvalidAudioException(
          name
              + " is a damaged WAV file: block align "
              + blockAlign
              + " is not a multiple of "
              + channels
              + " channels");
    }
    SampleEncoding encoding = encodingOf(tag, containerBytes, bits);
    return new WavFormat((int) sampleRate, channels, encoding, tag, extensible);
  }

  private static SampleEncoding encodingOf(int tag, int containerBytes, int bits)
      throws InvalidAudioException {
    if (tag == TAG_PCM) {
      switch (containerBytes) {
        case 1:
          return SampleEncoding.PCM_U8;
        case 2:
          return SampleEncoding.PCM_S16;
        case 3:
          return SampleEncoding.PCM_S24;
        case 4:
          return SampleEncoding.PCM_S32;
        default:
          throw new InvalidAudioException(
              "unsupported WAV encoding: "
                  + bits
                  + "-bit integer PCM in "
                  + containerBytes
                  + "-byte samples");
      }
    }
    if (tag == TAG_FLOAT) {
      if (containerBytes == 4) {
        return SampleEncoding.FLOAT32;
      }
      if (containerBytes == 8) {
        return SampleEncoding.FLOAT64;
      }
      throw new InvalidAudioException("unsupported WAV encoding: " + bits + "-bit float");
    }
    String tagName = TAG_NAMES.getOrDefault(tag, "unknown");
    throw new InvalidAudioException(
        String.format("unsupported WAV encoding: format tag 0x%04X (%s)", tag, tagName));
  }

  /** Little-endian primitive reads that throw {@link EOFException} at a premature end. */
  private static final class LittleEndianInput {
    private final InputStream in;

    LittleEndianInput(InputStream in) {
      this.in = in;
    }

    byte[] bytes(int n) throws IOException {
      byte[] b = in.readNBytes(n);
      if (b.length < n) {
        throw new EOFException();
      }
      return b;
    }

    String fourCc() throws IOException {
      return new String(bytes(4), StandardCharsets.ISO_8859_1);
    }

    int u16() throws IOException {
      byte[] b = bytes(2);
      return (b[0] & 0xff) | (b[1] & 0xff) << 8;
    }

    long u32() throws IOException {
      byte[] b = bytes(4);
      return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }

    long u64() throws IOException {
      return u32() | u32() << 32;
    }

    void skip(long n) throws IOException {
      if (n > 0) {
        in.skipNBytes(n);
      }
    }
  }
}
