package io.livesubs.inference.vad;

import java.util.Objects;

/**
 * The outcome of running the VAD on one window: the speech probability and the state to pass with
 * the next window of the same stream. Immutable.
 *
 * @param probability speech probability in [0, 1]
 * @param next the stream's state after this window
 */
public record VadStep(float probability, VadState next) {
  /** Validates the components. */
  public VadStep {
    Objects.requireNonNull(next, "next");
  }
}
