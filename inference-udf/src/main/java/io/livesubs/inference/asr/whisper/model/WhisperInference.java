package io.livesubs.inference.asr.whisper.model;

import java.util.List;

/**
 * A Whisper model as the decoder sees it: log-mel windows in, a lock-step decoder over them out.
 * One instance serves every stream of a JVM.
 *
 * <p>Thread-safety: implementations are thread-safe; {@link #startBatch} may be called from many
 * threads, and the {@link DecoderBatch} it returns is owned by the calling thread. {@link #close()}
 * is idempotent; batches must be closed first.
 */
public interface WhisperInference extends AutoCloseable {

  /** Architecture and vocabulary of the model. */
  WhisperModelConfig config();

  /**
   * Encodes a batch of log-mel windows and opens a decoder over them, one row per window.
   *
   * @param mels windows of {@code config().melBins() * 3000} floats each, mel-major (row {@code m}
   *     holds frames {@code m*3000 .. m*3000+2999}), as {@code LogMelSpectrogram.window} writes
   *     them; not retained after the call
   * @throws IllegalArgumentException if the list is empty or a window has the wrong length
   * @throws IllegalStateException if closed
   */
  DecoderBatch startBatch(List<float[]> mels);

  /** Releases the model's sessions; idempotent. */
  @Override
  void close();
}
