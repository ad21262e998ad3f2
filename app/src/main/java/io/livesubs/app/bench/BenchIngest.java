package io.livesubs.app.bench;

import io.livesubs.ingest.AudioChunkProducer;
import io.livesubs.ingest.KafkaChunkSink;
import io.livesubs.ingest.Pacer;
import io.livesubs.ingest.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the streams of one benchmark phase to Kafka, through one shared producer, in chunks of
 * {@value #CHUNK_MS} ms (the demo's chunk size). Stateless; {@link #send} runs on the calling
 * thread.
 *
 * <p>Paced sending behaves like live capture: chunk {@code n} leaves when its <em>last</em> sample
 * has been captured, as a live encoder cannot send audio before it exists; latencies measured
 * against capture time therefore include the chunking delay a real stream has. Independent live
 * sources are not in phase, so stream {@code i} of {@code N} starts capturing {@code i/N} of a
 * chunk after the pacer's start: their chunks arrive spread over each chunk period rather than all
 * at the same instant (which would make the last stream of every burst wait for the others' ASR on
 * the same subtask, a delay that lock-stepped sources alone have). Unpaced sending pushes
 * everything as fast as Kafka takes it, as a recording that has already been captured: the streams'
 * capture time 0 lies the audio's duration in the past.
 */
final class BenchIngest {

  /** Audio per chunk, as the demo sends it. */
  static final int CHUNK_MS = 200;

  private BenchIngest() {}

  /**
   * When sending began and ended.
   *
   * @param firstChunkNanos monotonic time just before the first chunk was handed to the producer
   * @param doneNanos monotonic time when every chunk and end-of-stream was acknowledged
   */
  record Timing(long firstChunkNanos, long doneNanos) {

    /** Seconds from the first chunk to the last acknowledgement. */
    double seconds() {
      return (doneNanos - firstChunkNanos) / 1e9;
    }
  }

  /**
   * Sends every stream to its end, ends the streams and waits for delivery.
   *
   * @param paced pace like live audio (else as fast as Kafka takes it)
   * @throws io.livesubs.ingest.IngestException if Kafka or the registry fails
   */
  static Timing send(
      String bootstrapServers,
      String registryUrl,
      String topic,
      List<StreamAudio> streams,
      boolean paced)
      throws InterruptedException {
    try (KafkaChunkSink sink =
        KafkaChunkSink.builder()
            .bootstrapServers(bootstrapServers)
            .schemaRegistryUrl(registryUrl)
            .topic(topic)
            .build()) {
      List<AudioChunkProducer> producers = new ArrayList<>();
      try {
        Pacer pacer = paced ? Pacer.realtime() : null;
        long longestMs = PcmFormat.samplesToMs(longest(streams));
        // Unpaced audio counts as recorded already, so that no capture time lies in the future.
        long startEpochMs = System.currentTimeMillis() - (paced ? 0 : longestMs);
        for (int i = 0; i < streams.size(); i++) {
          producers.add(
              AudioChunkProducer.builder()
                  .sink(sink)
                  .streamId(streams.get(i).id())
                  .chunkMs(CHUNK_MS)
                  .languageHint("en")
                  .streamStartEpochMs(startEpochMs + (paced ? phaseMs(i, streams.size()) : 0))
                  .build());
        }
        if (pacer != null) {
          pacer.start(); // capture time 0 of the first stream is now
        }
        long firstChunkNanos = System.nanoTime();
        sendChunks(streams, producers, pacer);
        producers.forEach(AudioChunkProducer::endOfStream);
        producers.forEach(AudioChunkProducer::flush);
        return new Timing(firstChunkNanos, System.nanoTime());
      } finally {
        producers.forEach(AudioChunkProducer::close);
      }
    }
  }

  private static void sendChunks(
      List<StreamAudio> streams, List<AudioChunkProducer> producers, Pacer pacer)
      throws InterruptedException {
    int chunkSamples = PcmFormat.samplesForMs(CHUNK_MS);
    long longest = longest(streams);
    short[] chunk = new short[chunkSamples];
    for (long from = 0; from < longest; from += chunkSamples) {
      long chunkEnd = Math.min(from + chunkSamples, longest);
      for (int i = 0; i < streams.size(); i++) {
        if (pacer != null) {
          long phaseNanos = phaseMs(i, streams.size()) * 1_000_000L;
          pacer.awaitMediaTime(PcmFormat.samplesToNanos(chunkEnd) + phaseNanos);
        }
        int n = streams.get(i).read(from, chunk);
        if (n > 0) {
          producers.get(i).accept(chunk, 0, n);
        }
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("benchmark ingest interrupted");
      }
    }
  }

  /** How long after the first stream paced stream {@code i} of {@code count} starts capturing. */
  private static int phaseMs(int i, int count) {
    return i * CHUNK_MS / count;
  }

  private static long longest(List<StreamAudio> streams) {
    return streams.stream().mapToLong(StreamAudio::length).max().orElse(0);
  }
}
