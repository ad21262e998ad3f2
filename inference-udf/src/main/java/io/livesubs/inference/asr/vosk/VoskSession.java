package io.livesubs.inference.asr.vosk;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Transcript;
import java.util.Objects;
import org.vosk.Recognizer;

/**
 * One speech segment on a Vosk {@link Recognizer}. Single-threaded (see {@link AsrSession}).
 *
 * <p>Determinism: Kaldi's online decoder (online iVectors, chunked nnet3 evaluation, endpoint
 * checks) gives slightly different results for different block sizes. This session therefore
 * re-chunks the audio into fixed chunks counted from the segment start and computes partial
 * hypotheses at chunk boundaries only, so the results depend on the audio alone, not on how the
 * caller split it: replaying a segment's audio in one block after a restore reproduces the original
 * hypotheses exactly. The last incomplete chunk is decoded by {@link #finish()}.
 *
 * <p>A partial hypothesis recomputed one partial interval later and found unchanged (words and
 * times) is reported once as {@link AsrUpdate#confirmed() confirmed}.
 *
 * <p>Vosk ends utterances by itself after trailing silence (its endpointer); the text of such
 * utterances becomes the stable part of the hypothesis, the current partial result the unstable
 * part. The final result is all utterances in order.
 */
final class VoskSession implements AsrSession {
  private final Recognizer recognizer;
  private final AsrSessionConfig config;
  private final long partialIntervalSamples;
  private final short[] chunk;
  private int chunkFilled;
  private Transcript stable = Transcript.EMPTY;
  private Transcript unstable = Transcript.EMPTY;
  private long accepted;
  private long decoded;
  private long lastPartialAt;
  private int repeats; // consecutive recomputed partials equal to the current one
  private boolean confirmedInCall;
  private boolean finished;
  private boolean closed;

  VoskSession(Recognizer recognizer, AsrSessionConfig config, int chunkSamples) {
    this.recognizer = recognizer;
    this.config = config;
    this.partialIntervalSamples = (long) config.partialIntervalMs() * config.sampleRate() / 1000;
    this.chunk = new short[chunkSamples];
  }

  @Override
  public AsrUpdate acceptWaveform(short[] samples, int offset, int length) {
    ensureOpen();
    Objects.checkFromIndexSize(offset, length, samples.length);
    boolean changed = false;
    confirmedInCall = false;
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int n = Math.min(chunk.length - chunkFilled, end - i);
      System.arraycopy(samples, i, chunk, chunkFilled, n);
      chunkFilled += n;
      i += n;
      if (chunkFilled == chunk.length) {
        changed |= decodeChunk();
      }
    }
    accepted += length;
    return new AsrUpdate(stable, unstable, changed, confirmedInCall);
  }

  /** Decodes the full chunk; returns whether the hypothesis changed. */
  private boolean decodeChunk() {
    boolean endpoint = recognizer.acceptWaveForm(chunk, chunkFilled);
    decoded += chunkFilled;
    chunkFilled = 0;
    if (endpoint) {
      Transcript utterance = VoskJson.result(recognizer.getResult(), config);
      boolean changed = !utterance.isEmpty() || !unstable.isEmpty();
      stable = stable.append(utterance);
      unstable = Transcript.EMPTY;
      lastPartialAt = decoded;
      repeats = 0;
      return changed;
    }
    if (decoded - lastPartialAt >= partialIntervalSamples) {
      Transcript partial = VoskJson.partial(recognizer.getPartialResult(), config);
      lastPartialAt = decoded;
      boolean changed = !partial.equals(unstable);
      repeats = partial.sameWordsAs(unstable) ? repeats + 1 : 0;
      confirmedInCall |= repeats == 1 && !partial.isEmpty();
      unstable = partial;
      return changed;
    }
    return false;
  }

  @Override
  public AsrResult finish() {
    ensureOpen();
    if (chunkFilled > 0) {
      recognizer.acceptWaveForm(chunk, chunkFilled);
      decoded += chunkFilled;
      chunkFilled = 0;
    }
    Transcript last = VoskJson.result(recognizer.getFinalResult(), config);
    stable = stable.append(last);
    unstable = Transcript.EMPTY;
    finished = true;
    close();
    return new AsrResult(stable, config.startMs(), config.mediaMs(accepted));
  }

  @Override
  public long samplesAccepted() {
    return accepted;
  }

  @Override
  public AsrSessionConfig config() {
    return config;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      recognizer.close();
    }
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("Vosk session already finished");
    }
    if (closed) {
      throw new IllegalStateException("Vosk session is closed");
    }
  }
}
