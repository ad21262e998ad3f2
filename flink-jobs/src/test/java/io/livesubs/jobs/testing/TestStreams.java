package io.livesubs.jobs.testing;

import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.AudioEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Synthetic audio streams for tests: chunks of varying length with distinct sample values. */
public final class TestStreams {

  /** Sample rate of every test stream. */
  public static final int RATE = 16_000;

  /** Capture time of every test stream's first sample. */
  public static final long T0 = 1_700_000_000_000L;

  /** Chunk lengths cycle through these (multiples of 16 samples = whole milliseconds). */
  private static final int[] SIZES = {1600, 800, 2400, 1200};

  private TestStreams() {}

  /** A stream of {@code n} chunks, seq 0..n-1, contiguous in media time; the last one ends it. */
  public static List<PcmChunk> stream(String streamId, int n, boolean endWithEos) {
    List<PcmChunk> chunks = new ArrayList<>();
    long offset = 0;
    for (int seq = 0; seq < n; seq++) {
      short[] samples = samples(streamId, seq, SIZES[seq % SIZES.length]);
      boolean eos = endWithEos && seq == n - 1;
      chunks.add(
          new PcmChunk(streamId, seq, T0 + offset * 1000 / RATE, offset, RATE, samples, eos, "en"));
      offset += samples.length;
    }
    return chunks;
  }

  /** Distinct, reproducible sample values for one chunk. */
  public static short[] samples(String streamId, long seq, int count) {
    short[] samples = new short[count];
    int base = streamId.hashCode() * 31 + (int) seq * 977;
    for (int i = 0; i < count; i++) {
      samples[i] = (short) ((base + i * 7919) % 32000);
    }
    return samples;
  }

  /**
   * Arrival order of {@code chunks} shuffled within {@code boundMs}: each chunk is delayed by a
   * random amount below the bound, so none arrives more than the bound behind the newest capture
   * time seen before it. With {@code duplicateChance}, extra copies arrive the same way.
   */
  public static List<PcmChunk> shuffledWithinBound(
      List<PcmChunk> chunks, long boundMs, double duplicateChance, Random random) {
    record Arrival(PcmChunk chunk, long at) {}
    List<Arrival> arrivals = new ArrayList<>();
    for (PcmChunk chunk : chunks) {
      arrivals.add(new Arrival(chunk, chunk.captureTimeMs() + random.nextLong(boundMs)));
      if (random.nextDouble() < duplicateChance) {
        arrivals.add(new Arrival(chunk, chunk.captureTimeMs() + random.nextLong(boundMs)));
      }
    }
    arrivals.sort(Comparator.comparingLong(Arrival::at));
    return arrivals.stream().map(Arrival::chunk).toList();
  }

  /** The Avro chunk a platform would produce for {@code chunk}. */
  public static AudioChunk toAvro(PcmChunk chunk) {
    ByteBuffer payload =
        ByteBuffer.allocate(chunk.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : chunk.samples()) {
      payload.putShort(s);
    }
    payload.flip();
    return AudioChunk.newBuilder()
        .setStreamId(chunk.streamId())
        .setSeq(chunk.seq())
        .setCaptureTimeMs(chunk.captureTimeMs())
        .setMediaOffsetSamples(chunk.mediaOffsetSamples())
        .setSampleRate(chunk.sampleRate())
        .setChannels(1)
        .setEncoding(AudioEncoding.PCM_S16LE)
        .setPayload(payload)
        .setEndOfStream(chunk.endOfStream())
        .setLanguageHint(chunk.languageHint())
        .build();
  }
}
