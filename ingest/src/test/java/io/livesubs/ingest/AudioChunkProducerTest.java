package io.livesubs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.ingest.fault.FaultConfig;
import io.livesubs.schemas.AudioChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunkProducerTest {

  private static AudioChunkProducer.Builder builder(RecordingChunkSink sink) {
    return AudioChunkProducer.builder().sink(sink).streamId("cam-1").chunkMs(100);
  }

  @Test
  void sendsChunksAsTheyCompleteAndEndsTheStream() {
    RecordingChunkSink sink = new RecordingChunkSink();
    try (AudioChunkProducer producer =
        builder(sink).languageHint("es-419").streamStartEpochMs(1_000).build()) {
      producer.acceptPcm16(new byte[3199], 0, 3199); // just under one chunk
      assertEquals(0, sink.sent().size());
      producer.acceptPcm16(new byte[1], 0, 1);
      assertEquals(1, sink.sent().size());
      producer.accept(new short[2000]);
      producer.endOfStream();
      producer.flush();
      List<AudioChunk> chunks = sink.chunks("cam-1");
      assertEquals(4, chunks.size()); // 1600 + 1600 + 400 samples, end of stream
      assertEquals(3200, chunks.get(2).getMediaOffsetSamples());
      assertEquals(1_200, chunks.get(2).getCaptureTimeMs());
      assertEquals("es-419", chunks.get(0).getLanguageHint());
      assertTrue(chunks.get(3).getEndOfStream());
      ProducerStats stats = producer.stats();
      assertEquals(4, stats.chunks());
      assertEquals(3600, stats.samples());
      assertEquals(4, stats.recordsSent());
      assertNull(stats.faults());
      assertTrue(producer.isEnded());
      assertThrows(IllegalStateException.class, () -> producer.accept(new short[1]));
    }
    assertFalse(sink.isClosed(), "a shared sink belongs to its creator");
  }

  @Test
  void closeSendsHeldChunksAndIsIdempotent() {
    RecordingChunkSink sink = new RecordingChunkSink();
    AudioChunkProducer producer = builder(sink).faults(new FaultConfig(2000, 0, 0, 0, 1)).build();
    producer.accept(new short[1600 * 10]);
    int beforeClose = sink.sent().size();
    assertTrue(beforeClose < 10, "a 20-chunk reorder window holds chunks back");
    producer.close();
    producer.close();
    assertEquals(10, sink.sent().size());
    assertEquals(10, producer.stats().recordsSent());
    assertThrows(IllegalStateException.class, () -> producer.accept(new short[1]));
  }

  @Test
  void faultsAreAppliedAndCounted() {
    RecordingChunkSink sink = new RecordingChunkSink();
    try (AudioChunkProducer producer =
        builder(sink).faults(new FaultConfig(0, 0.2, 0.1, 0.1, 8)).build()) {
      producer.accept(new short[1600 * 200]);
      producer.endOfStream();
      ProducerStats stats = producer.stats();
      var report = stats.faults();
      assertEquals(201, report.chunksIn());
      long expectedRecords = 201 - report.dropped().size() + report.duplicated().size();
      assertEquals(expectedRecords, stats.recordsSent());
      assertEquals(expectedRecords, sink.sent().size());
      long raw = sink.sent().stream().filter(s -> s.raw() != null).count();
      assertEquals(report.corrupted().size(), raw);
      assertTrue(sink.sent().stream().allMatch(s -> s.key().equals("cam-1")));
    }
  }

  @Test
  void builderNamesBadSettings() {
    RecordingChunkSink sink = new RecordingChunkSink();
    assertEquals(
        "stream id is empty",
        assertThrows(IllegalArgumentException.class, () -> builder(sink).streamId("").build())
            .getMessage());
    assertEquals(
        "chunk duration must be 20 to 2000 ms, was 10",
        assertThrows(IllegalArgumentException.class, () -> builder(sink).chunkMs(10).build())
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> builder(sink).languageHint("english!").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> builder(sink).bootstrapServers("localhost:9092").build());
  }
}
