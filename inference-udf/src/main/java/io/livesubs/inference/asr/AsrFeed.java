package io.livesubs.inference.asr;

import java.util.Objects;

/**
 * Audio for one session in a batched call ({@link AsrEngine#acceptWaveforms}). Immutable by
 * convention: the array is not copied and must not change until the call returns.
 *
 * @param session the target session (opened by the same engine)
 * @param samples mono signed 16-bit samples
 * @param offset first sample to use
 * @param length number of samples to use
 */
public record AsrFeed(AsrSession session, short[] samples, int offset, int length) {
  /** Validates the components. */
  public AsrFeed {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(samples, "samples");
    Objects.checkFromIndexSize(offset, length, samples.length);
  }
}
