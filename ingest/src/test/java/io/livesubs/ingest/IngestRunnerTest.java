package io.livesubs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.ingest.audio.RawPcmSource;
import io.livesubs.ingest.fault.FaultConfig;
import io.livesubs.schemas.AudioChunk;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IngestRunnerTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  /** {@code samples} samples of raw s16le audio, sample i = i mod 30000. */
  private static RawPcmSource rawAudio(int samples) {
    byte[] bytes = new byte[samples * 2];
    for (int i = 0; i < samples; i++) {
      short s = (short) (i % 30_000);
      bytes[2 * i] = (byte) s;
      bytes[2 * i + 1] = (byte) (s >> 8);
    }
    return new RawPcmSource(new ByteArrayInputStream(bytes), "test input");
  }

  private static List<AudioChunkProducer> producers(
      ChunkSink sink, int chunkMs, FaultConfig faults, String... ids) {
    List<AudioChunkProducer> out = new ArrayList<>();
    for (String id : ids) {
      out.add(
          AudioChunkProducer.builder()
              .sink(sink)
              .streamId(id)
              .chunkMs(chunkMs)
              .faults(faults)
              .build());
    }
    return out;
  }

  /**
   * Real clock, real pacing: 2 s of audio in 100 ms chunks. Chunk n leaves once its last sample
   * exists: its send time, measured in the sink, is never before (n + 1) * 100 ms from the start,
   * and the last one leaves soon after 2 s (exact times: {@link
   * #pacedChunkLeavesWhenItsLastSampleHasBeenCaptured}).
   */
  @Test
  void realtimeSendsEachChunkAtItsMediaTime() throws Exception {
    RecordingChunkSink sink = new RecordingChunkSink();
    List<AudioChunkProducer> producers = producers(sink, 100, FaultConfig.none(), "live");
    long before = System.nanoTime();
    IngestSummary summary =
        new IngestRunner(rawAudio(32_000), producers, 100, Pacer.realtime(), null, System::nanoTime)
            .run();
    List<RecordingChunkSink.Sent> sent = sink.sent();
    assertEquals(21, sent.size()); // 20 chunks and the end-of-stream marker
    for (int n = 0; n < 20; n++) {
      // The pacer starts after `before`: no chunk may leave before its last sample's media time.
      long early = before + (n + 1) * 100 * MS - sent.get(n).nanoTime();
      assertTrue(early <= 0, "chunk " + n + " sent " + early / 1e6 + " ms early");
    }
    long lastLate = sent.get(19).nanoTime() - before - 2_000 * MS;
    assertTrue(lastLate <= 250 * MS, "last chunk " + lastLate / 1e6 + " ms late");
    assertTrue(summary.wallSeconds() >= 1.9, "2 s of audio took " + summary.wallSeconds() + " s");
    assertEquals(2.0, summary.audioSeconds(), 1e-9);
  }

  /**
   * Paced on a fake clock that only sleeping advances: each chunk waits exactly until the media
   * time of its last sample, including the shorter last chunk.
   */
  @Test
  void pacedChunkLeavesWhenItsLastSampleHasBeenCaptured() throws Exception {
    long[] now = {0};
    List<Long> sendTimes = new ArrayList<>();
    ChunkSink sink =
        new ChunkSink() {
          @Override
          public void send(AudioChunk chunk) {
            sendTimes.add(now[0]);
          }

          @Override
          public void sendRaw(String key, byte[] value) {
            throw new AssertionError("no faults configured");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Pacer pacer = new Pacer(() -> now[0], nanos -> now[0] += nanos);
    int samples = 16_000 / 2 + 800; // five 100 ms chunks and one of 50 ms
    new IngestRunner(
            rawAudio(samples),
            producers(sink, 100, FaultConfig.none(), "paced"),
            100,
            pacer,
            null,
            () -> now[0])
        .run();
    assertEquals(
        List.of(100 * MS, 200 * MS, 300 * MS, 400 * MS, 500 * MS, 550 * MS, 550 * MS),
        sendTimes); // six chunks, then the end-of-stream marker at once
  }

  @Test
  void fastModeFansOneInputOutToEveryStream() throws Exception {
    RecordingChunkSink sink = new RecordingChunkSink();
    String[] ids = {"s-1", "s-2", "s-3"};
    int samples = 16_000 * 3 + 100; // not a multiple of the chunk
    IngestSummary summary =
        new IngestRunner(
                rawAudio(samples),
                producers(sink, 200, FaultConfig.none(), ids),
                200,
                null,
                null,
                System::nanoTime)
            .run();
    for (String id : ids) {
      List<AudioChunk> chunks = sink.chunks(id);
      assertEquals(17, chunks.size(), id); // 15 full, 1 partial, end of stream
      long offset = 0;
      for (int i = 0; i < chunks.size(); i++) {
        AudioChunk c = chunks.get(i);
        assertEquals(i, c.getSeq());
        assertEquals(offset, c.getMediaOffsetSamples());
        offset += c.getPayload().remaining() / 2;
      }
      assertEquals(samples, offset);
      assertTrue(chunks.get(16).getEndOfStream());
      assertEquals(sink.chunks("s-1").get(5).getPayload(), chunks.get(5).getPayload());
    }
    assertEquals(3, summary.streams());
    assertEquals(51, summary.chunks());
    assertEquals(51, summary.recordsSent());
    assertEquals(samples, summary.samplesPerStream());
    assertTrue(sink.flushes() >= 1);
  }

  @Test
  void summaryCarriesEachStreamsFaultReport() throws Exception {
    RecordingChunkSink sink = new RecordingChunkSink();
    FaultConfig faults = new FaultConfig(0, 0, 0.5, 0, 11);
    IngestSummary summary =
        new IngestRunner(
                rawAudio(16_000 * 10),
                producers(sink, 100, faults, "a", "b"),
                100,
                null,
                null,
                System::nanoTime)
            .run();
    assertEquals(2, summary.faults().size());
    long dropped = summary.faults().stream().mapToLong(r -> r.dropped().size()).sum();
    assertEquals(202 - dropped, sink.sent().size());
    assertEquals(sink.sent().size(), summary.recordsSent());
  }

  @Test
  void progressLinesComeOncePerInterval() throws Exception {
    StringWriter out = new StringWriter();
    long[] now = {0};
    // Each clock reading advances 1 s, so a 5 s interval passes every few chunks.
    ProgressReporter progress =
        new ProgressReporter(
            new PrintWriter(out), Duration.ofSeconds(5), () -> now[0] += 1_000 * MS);
    RecordingChunkSink sink = new RecordingChunkSink();
    new IngestRunner(
            rawAudio(16_000 * 4),
            producers(sink, 200, FaultConfig.none(), "p"),
            200,
            null,
            progress,
            System::nanoTime)
        .run();
    String[] lines = out.toString().split("\n");
    assertEquals(4, lines.length, out.toString());
    assertEquals("ingest: 1.0 s of audio sent (0.20x live)", lines[0]);
  }
}
