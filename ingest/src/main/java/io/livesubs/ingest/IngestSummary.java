package io.livesubs.ingest;

import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.fault.FaultReport;
import java.util.List;

/**
 * What an {@link IngestRunner} run sent, over all its streams. Immutable.
 *
 * @param streams number of streams
 * @param chunks chunks over all streams, end-of-stream chunks included
 * @param samplesPerStream 16 kHz samples of audio each stream carried
 * @param recordsSent records handed to Kafka over all streams (after fault injection)
 * @param wallNanos wall time from the first read to the last flush
 * @param faults one report per stream when faults were injected, else empty
 */
public record IngestSummary(
    int streams,
    long chunks,
    long samplesPerStream,
    long recordsSent,
    long wallNanos,
    List<FaultReport> faults) {

  /** Copies the list. */
  public IngestSummary {
    faults = List.copyOf(faults);
  }

  /** Seconds of audio each stream carried. */
  public double audioSeconds() {
    return PcmFormat.samplesToSeconds(samplesPerStream);
  }

  /** Wall-clock seconds the run took. */
  public double wallSeconds() {
    return wallNanos / 1e9;
  }
}
