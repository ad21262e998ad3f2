package io.livesubs.inference.asr.vosk;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Transcript;
import io.livesubs.inference.asr.Word;
import java.util.List;
import java.util.Objects;
import org.vosk.Recognizer;

/**
 * One speech segment on a Vosk {@link Recognizer}. Single-threaded (see {@link AsrSession}).
 *
 * <p>Determinism: Kaldi's online decoder (online iVectors, chunked nnet3 evaluation, endpoint
 * checks) gives slightly different results for different block sizes. This session therefore
 * re-chunks the audio into fixed chunks counted from the segment start, so the decoder's state, its
 * utterances and the final result depend on the audio alone, not on how the caller split it:
 * replaying a segment's audio after a restore rebuilds the same decoder. The last incomplete chunk
 * is decoded by {@link #finish()}.
 *
 * <p>A partial hypothesis is computed at the end of a call once at least the partial interval of
 * audio has been decoded since the last one (or since an utterance ended), so that a caller feeding
 * audio as it arrives gets one on its newest audio, and none is computed that nobody sees. Which
 * partials are computed therefore depends on the blocks; the same blocks give the same ones (a
 * restore replays the blocks it kept). Reading a partial does not change the decoder. Every update
 * during which a partial was computed or an utterance ended is {@link AsrUpdate#computed()
 * computed}, changed or not.
 *
 * <p>With partial word times on, a partial result holds only the words of the lattice Kaldi has
 * determinized, a few hundred ms behind the audio. Each partial therefore also asks for the
 * decoder's best path (words without times, up to the newest frame) and reports how many words it
 * has beyond the timed ones as {@link AsrUpdate#wordsAhead()}, when it begins with them.
 *
 * <p>Vosk ends utterances by itself after trailing silence (its endpointer); the text of such
 * utterances becomes the stable part of the hypothesis, the current partial result the unstable
 * part. The final result is all utterances in order.
 */
final class VoskSession implements AsrSession {
  /** Timed words matched against the best path to find where it goes past them. */
  private static final int TAIL_MATCH = 2;

  private final Recognizer recognizer;
  private final AsrSessionConfig config;
  private final long partialIntervalSamples;
  private final boolean lookAhead;
  private final short[] chunk;
  private int chunkFilled;
  private Transcript stable = Transcript.EMPTY;
  private Transcript unstable = Transcript.EMPTY;
  private long accepted;
  private long decoded;
  private long lastPartialAt; // where the last partial was computed or the last utterance ended
  private int wordsAhead;
  private boolean finished;
  private boolean closed;

  /**
   * @param lookAhead whether the recogniser gives partial word times, so that the best path can
   *     reach further than the partial result
   */
  VoskSession(Recognizer recognizer, AsrSessionConfig config, int chunkSamples, boolean lookAhead) {
    this.recognizer = recognizer;
    this.config = config;
    this.partialIntervalSamples = (long) config.partialIntervalMs() * config.sampleRate() / 1000;
    this.lookAhead = lookAhead;
    this.chunk = new short[chunkSamples];
  }

  @Override
  public AsrUpdate acceptWaveform(short[] samples, int offset, int length) {
    ensureOpen();
    Objects.checkFromIndexSize(offset, length, samples.length);
    boolean changed = false;
    long computedBefore = lastPartialAt;
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
    if (decoded - lastPartialAt >= partialIntervalSamples) {
      changed |= computePartial();
    }
    // Both a partial and an utterance end move lastPartialAt to the decoded position, which only
    // grows: it moved during this call exactly when something was computed.
    boolean computed = lastPartialAt != computedBefore;
    return new AsrUpdate(stable, unstable, changed, computed, wordsAhead);
  }

  /** Decodes the full chunk; returns whether an utterance ended with words. */
  private boolean decodeChunk() {
    boolean endpoint = recognizer.acceptWaveForm(chunk, chunkFilled);
    decoded += chunkFilled;
    chunkFilled = 0;
    if (endpoint) {
      Transcript utterance = VoskJson.result(recognizer.getResult(), config);
      boolean changed = !utterance.isEmpty() || !unstable.isEmpty();
      stable = stable.append(utterance);
      unstable = Transcript.EMPTY;
      wordsAhead = 0;
      lastPartialAt = decoded;
      return changed;
    }
    return false;
  }

  /** Computes the partial hypothesis of the decoded audio; returns whether it changed. */
  private boolean computePartial() {
    Transcript partial = VoskJson.partial(recognizer.getPartialResult(), config);
    lastPartialAt = decoded;
    boolean changed = !partial.equals(unstable);
    unstable = partial;
    wordsAhead = lookAhead ? wordsAhead(partial) : 0;
    return changed;
  }

  /**
   * Words of the best path past {@code timed}'s last word: found where the path has {@code timed}'s
   * last two words (one if it has one) in a row, latest first; 0 when it has no such place. Only
   * the end is matched: Kaldi's best path and the lattice's consensus may spell earlier words
   * differently ("forward" and "for to").
   */
  private int wordsAhead(Transcript timed) {
    List<Word> words = timed.words();
    if (words.isEmpty()) {
      return 0;
    }
    recognizer.setPartialWords(false);
    List<String> path;
    try {
      path = VoskJson.partialText(recognizer.getPartialResult());
    } finally {
      recognizer.setPartialWords(true);
    }
    int tail = Math.min(TAIL_MATCH, words.size());
    List<String> last =
        words.subList(words.size() - tail, words.size()).stream().map(Word::text).toList();
    for (int at = path.size() - tail - 1; at >= 0; at--) {
      if (path.subList(at, at + tail).equals(last)) {
        return path.size() - at - tail;
      }
    }
    return 0;
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
