package io.livesubs.inference.asr.whisper.decoding;

import java.util.Objects;

/**
 * One row of a decode: its prefix, its options and how much real audio its window holds. Immutable.
 *
 * @param prefix forced tokens before sampling
 * @param options decoding and filtering options
 * @param audioSeconds seconds of real audio at the start of the window (the rest is padding);
 *     segment and word times are clamped to it, and an unfinished last segment ends there
 */
public record DecodeRequest(DecodePrefix prefix, DecodeOptions options, double audioSeconds) {

  /** Validates the components. */
  public DecodeRequest {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(options, "options");
    if (!(audioSeconds >= 0 && audioSeconds <= 30)) {
      throw new IllegalArgumentException("audioSeconds must be in [0, 30], was " + audioSeconds);
    }
  }
}
