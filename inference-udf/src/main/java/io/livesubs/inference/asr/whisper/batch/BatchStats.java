package io.livesubs.inference.asr.whisper.batch;

/**
 * Timing of one batch. Immutable.
 *
 * @param size windows in the batch
 * @param encoderNanos time of the encoder call (opening the decoder batch included)
 * @param decoderNanos time of the whole lock-step decode (filters and guards included)
 * @param decoderSteps decoder steps taken (the longest row's prefix plus samples)
 * @param maxQueueNanos longest time a window of the batch waited from submission to batch start
 */
public record BatchStats(
    int size, long encoderNanos, long decoderNanos, int decoderSteps, long maxQueueNanos) {

  /** Encoder milliseconds. */
  public double encoderMs() {
    return encoderNanos / 1e6;
  }

  /** Decoder milliseconds per step (0 without steps). */
  public double decoderMsPerStep() {
    return decoderSteps == 0 ? 0 : decoderNanos / 1e6 / decoderSteps;
  }
}
