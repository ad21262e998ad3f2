package io.livesubs.ingest;

import io.livesubs.ingest.fault.FaultReport;

/**
 * Counters of one {@link AudioChunkProducer}. Immutable snapshot.
 *
 * @param streamId the stream
 * @param chunks chunks cut from the audio, the end-of-stream chunk included
 * @param samples audio samples (16 kHz) in those chunks
 * @param recordsSent records handed to the sink: chunks, minus dropped, plus duplicates, with
 *     corrupt records in place of corrupted chunks
 * @param faults what fault injection did, or null when no faults were configured
 */
public record ProducerStats(
    String streamId, long chunks, long samples, long recordsSent, FaultReport faults) {}
