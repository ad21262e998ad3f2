package io.livesubs.inference.asr.whisper.batch;

import io.livesubs.inference.asr.whisper.decoding.DecodeRequest;
import java.util.Objects;

/**
 * One window to decode: its log-mel (as {@code LogMelSpectrogram.window} writes it, computed on the
 * caller's thread) and how to decode it. Immutable by convention: the mel array is handed over, not
 * copied, and must not change after submission.
 *
 * @param mel {@code melBins * 3000} floats, mel-major
 * @param decode prefix, options and audio length of the row
 */
public record WindowRequest(float[] mel, DecodeRequest decode) {

  /** Validates the components. */
  public WindowRequest {
    Objects.requireNonNull(mel, "mel");
    Objects.requireNonNull(decode, "decode");
  }
}
