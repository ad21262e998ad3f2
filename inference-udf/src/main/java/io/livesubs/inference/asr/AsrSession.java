package io.livesubs.inference.asr;

/**
 * Recognition of one open speech segment. Created by {@link AsrEngine#openSession}; owned and used
 * by a single thread (not thread-safe). Holds native decoder state, which cannot be checkpointed:
 * callers keep the segment's audio and replay it into a new session after a restore.
 *
 * <p>Life cycle: any number of {@link #acceptWaveform} calls, then {@link #finish()} once. {@link
 * #close()} releases native resources and is idempotent; {@code finish()} closes too. Using a
 * session after {@code finish()} or {@code close()} throws {@link IllegalStateException}.
 */
public interface AsrSession extends AutoCloseable {
  /**
   * Feeds mono signed 16-bit samples at the configured rate.
   *
   * @return the current hypothesis (possibly unchanged or empty)
   * @throws IllegalStateException if finished or closed
   */
  AsrUpdate acceptWaveform(short[] samples, int offset, int length);

  /**
   * Ends the segment: decodes what is left and returns the final hypothesis, then closes.
   *
   * @throws IllegalStateException if already finished or closed
   */
  AsrResult finish();

  /** Samples fed so far. */
  long samplesAccepted();

  /** The configuration this session was opened with. */
  AsrSessionConfig config();

  /** Releases native resources; idempotent, never throws. */
  @Override
  void close();
}
