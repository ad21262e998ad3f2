package io.livesubs.jobs.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the job accepts as a chunk of audio. Immutable.
 *
 * <p>The job accepts one sample rate (16 kHz by default) and mono audio only: the VAD and ASR
 * models run at 16 kHz mono, and resampling or downmixing belongs in the producer (e.g. ffmpeg in
 * {@code ingest}), where it is cheap and done once, rather than per chunk inside the job.
 *
 * @param sampleRateHz the only accepted sample rate
 * @param maxChunkDuration longest accepted chunk; longer chunks are {@link RejectReason#OVERSIZED}
 * @param maxPayloadBytes largest accepted payload; larger ones are {@link RejectReason#OVERSIZED}
 * @param maxCaptureLead how far the capture time may lie after the Kafka record timestamp; a
 *     capture time in the future would drag the watermark ahead and make every other chunk late
 */
public record ChunkLimits(
    int sampleRateHz, Duration maxChunkDuration, int maxPayloadBytes, Duration maxCaptureLead)
    implements Serializable {

  /** 16 kHz, the rate of the Silero VAD and Vosk models. */
  public static final int DEFAULT_SAMPLE_RATE_HZ = 16_000;

  /** Checks the limits. */
  public ChunkLimits {
    if (sampleRateHz < 8_000 || sampleRateHz > 192_000) {
      throw new IllegalArgumentException(
          "sampleRateHz must be within 8000..192000, got " + sampleRateHz);
    }
    requirePositive("maxChunkDuration", maxChunkDuration);
    requirePositive("maxCaptureLead", maxCaptureLead);
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be > 0, got " + maxPayloadBytes);
    }
  }

  /** 16 kHz mono, at most 10 s or 1 MiB per chunk, capture time at most 10 min ahead. */
  public static ChunkLimits defaults() {
    return new ChunkLimits(
        DEFAULT_SAMPLE_RATE_HZ, Duration.ofSeconds(10), 1 << 20, Duration.ofMinutes(10));
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }
  }
}
