package io.livesubs.ingest;

import io.livesubs.ingest.audio.MonoPcmSource;
import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.fault.FaultReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Sends one audio source as one or more streams: reads the source a chunk at a time, waits when
 * paced until the chunk's <em>last</em> sample has been captured (chunk {@code n} of {@code d} ms
 * goes out no earlier than the start plus {@code (n + 1) d} ms, as a live encoder cannot send audio
 * before it exists; latencies measured against capture time then include the chunking delay a real
 * stream has), feeds the chunk to every producer, and at the end of the source ends every stream
 * and flushes. The producers' chunk duration must match the runner's, so that each read makes
 * exactly one chunk per stream. Producers stay owned by the caller. Runs on the calling thread; not
 * thread-safe.
 */
public final class IngestRunner {

  private final MonoPcmSource source;
  private final List<AudioChunkProducer> producers;
  private final int chunkSamples;
  private final Pacer pacer;
  private final ProgressReporter progress;
  private final LongSupplier nanoClock;

  /**
   * @param source the audio
   * @param producers one producer per stream, all with chunk duration {@code chunkMs}
   * @param chunkMs audio per chunk
   * @param pacer paces to real time, or null to send as fast as the producers take it
   * @param progress prints progress, or null
   * @param nanoClock monotonic clock for the wall time of the run
   */
  public IngestRunner(
      MonoPcmSource source,
      List<AudioChunkProducer> producers,
      int chunkMs,
      Pacer pacer,
      ProgressReporter progress,
      LongSupplier nanoClock) {
    if (producers.isEmpty()) {
      throw new IllegalArgumentException("no producers to send to");
    }
    this.source = source;
    this.producers = List.copyOf(producers);
    this.chunkSamples = PcmFormat.samplesForMs(chunkMs);
    this.pacer = pacer;
    this.progress = progress;
    this.nanoClock = nanoClock;
  }

  /**
   * Sends the whole source, ends the streams and waits for delivery.
   *
   * @throws IOException if the source cannot be read
   * @throws IngestException if sending fails
   * @throws InterruptedException if interrupted while pacing
   */
  public IngestSummary run() throws IOException, InterruptedException {
    long startNanos = nanoClock.getAsLong();
    if (pacer != null) {
      pacer.start();
    }
    if (progress != null) {
      progress.start();
    }
    short[] block = new short[chunkSamples];
    long offset = 0;
    while (true) {
      int n = source.readFully(block, 0, chunkSamples);
      if (n == 0) {
        break;
      }
      if (pacer != null) {
        pacer.awaitMediaTime(PcmFormat.samplesToNanos(offset + n));
      }
      for (AudioChunkProducer producer : producers) {
        producer.accept(block, 0, n);
      }
      offset += n;
      if (progress != null) {
        progress.update(offset);
      }
      if (n < chunkSamples) {
        break;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("ingest interrupted");
      }
    }
    for (AudioChunkProducer producer : producers) {
      producer.endOfStream();
    }
    for (AudioChunkProducer producer : producers) {
      producer.flush();
    }
    return summarize(offset, nanoClock.getAsLong() - startNanos);
  }

  private IngestSummary summarize(long samples, long wallNanos) {
    long chunks = 0;
    long records = 0;
    List<FaultReport> faults = new ArrayList<>();
    for (AudioChunkProducer producer : producers) {
      ProducerStats stats = producer.stats();
      chunks += stats.chunks();
      records += stats.recordsSent();
      if (stats.faults() != null) {
        faults.add(stats.faults());
      }
    }
    return new IngestSummary(producers.size(), chunks, samples, records, wallNanos, faults);
  }
}
