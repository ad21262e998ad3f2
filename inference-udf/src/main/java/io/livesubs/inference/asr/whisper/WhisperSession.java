package io.livesubs.inference.asr.whisper;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Transcript;
import io.livesubs.inference.asr.Word;
import io.livesubs.inference.asr.whisper.batch.WindowRequest;
import io.livesubs.inference.asr.whisper.decoding.DecodePrefix;
import io.livesubs.inference.asr.whisper.decoding.DecodeRequest;
import io.livesubs.inference.asr.whisper.decoding.DecodedWord;
import io.livesubs.inference.asr.whisper.decoding.WindowResult;
import io.livesubs.inference.asr.whisper.features.LogMelSpectrogram;
import io.livesubs.inference.asr.whisper.streaming.AudioWindowBuffer;
import io.livesubs.inference.asr.whisper.streaming.StreamingTranscriber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One speech segment on a {@link WhisperEngine}. Single-threaded (see {@link AsrSession}).
 *
 * <p>The segment's audio is buffered; each time it reaches the next multiple of the step (counted
 * from the segment start, so results do not depend on how callers split the audio), the buffer up
 * to that point is turned into a log-mel window on the calling thread, decoded by the engine's
 * batch service (the call blocks until its batch is done) and given to the {@link
 * StreamingTranscriber}: the agreed words become the stable part of the update, the rest of the
 * hypothesis the unstable part. {@link #finish()} decodes what is left and commits all of it.
 *
 * <p>The language is the hint, or, without one, detected per window until a window's text is kept,
 * then fixed for the rest of the segment.
 */
final class WhisperSession implements AsrSession {
  private final WhisperEngine engine;
  private final AsrSessionConfig config;
  private final long stepSamples;
  private final AudioWindowBuffer audio = new AudioWindowBuffer();
  private final StreamingTranscriber transcriber;
  private String language;
  private long nextDecodeAt;
  private long decodedUpTo;
  private AsrUpdate current = AsrUpdate.NONE;
  private boolean decodedSinceUpdate;
  private boolean finished;
  private boolean closed;
  private boolean broken;

  /** A submitted window of this session. */
  record Pending(
      WhisperSession session, CompletableFuture<WindowResult> future, long from, long to) {}

  WhisperSession(WhisperEngine engine, AsrSessionConfig config, String language, int stepMs) {
    this.engine = engine;
    this.config = config;
    this.language = language;
    this.stepSamples = (long) stepMs * LogMelSpectrogram.SAMPLE_RATE / 1000;
    this.nextDecodeAt = stepSamples;
    this.transcriber = new StreamingTranscriber(engine.config().streaming(), config.startMs());
  }

  WhisperEngine engine() {
    return engine;
  }

  @Override
  public AsrUpdate acceptWaveform(short[] samples, int offset, int length) {
    AsrUpdate before = current;
    append(samples, offset, length);
    Pending p;
    while ((p = submitNext()) != null) {
      apply(p);
    }
    return updateSince(before);
  }

  /** Buffers audio without decoding. */
  void append(short[] samples, int offset, int length) {
    ensureUsable();
    Objects.checkFromIndexSize(offset, length, samples.length);
    audio.append(samples, offset, length);
  }

  /** Submits the next due window, or returns null when no decode point has been reached. */
  Pending submitNext() {
    ensureUsable();
    if (nextDecodeAt > audio.endSample()) {
      return null;
    }
    long to = nextDecodeAt;
    nextDecodeAt += stepSamples;
    return submit(to);
  }

  /** Waits for a window of this session and takes its hypothesis. */
  void apply(Pending pending) {
    WindowResult result = await(pending);
    if (language == null && !result.dropped()) {
      language = result.language();
    }
    long bufferEndMs = config.mediaMs(pending.to());
    StreamingTranscriber.Update update =
        transcriber.accept(words(result, pending.from()), bufferEndMs);
    decodedUpTo = pending.to();
    trimAudio(update.bufferStartMs(), pending.to());
    current = new AsrUpdate(transcript(update.committed()), transcript(update.tail()), false);
    decodedSinceUpdate = true;
  }

  /**
   * The hypothesis now, marked changed if it differs from {@code before} and computed if a window
   * was decoded since the last call.
   */
  AsrUpdate updateSince(AsrUpdate before) {
    boolean changed =
        !current.stable().equals(before.stable()) || !current.unstable().equals(before.unstable());
    boolean computed = decodedSinceUpdate;
    decodedSinceUpdate = false;
    return new AsrUpdate(current.stable(), current.unstable(), changed, computed, 0);
  }

  /** The hypothesis now, marked unchanged. */
  AsrUpdate currentUpdate() {
    return current;
  }

  @Override
  public AsrResult finish() {
    ensureUsable();
    List<Word> last = null;
    if (audio.endSample() > decodedUpTo && audio.endSample() > audio.startSample()) {
      Pending p = submit(audio.endSample());
      WindowResult result = await(p);
      last = words(result, p.from());
    }
    List<Word> all = transcriber.finish(last);
    finished = true;
    close();
    return new AsrResult(transcript(all), config.startMs(), config.mediaMs(audio.endSample()));
  }

  @Override
  public long samplesAccepted() {
    return audio.endSample();
  }

  @Override
  public AsrSessionConfig config() {
    return config;
  }

  @Override
  public void close() {
    closed = true;
  }

  private Pending submit(long to) {
    long from = audio.startSample();
    int length = (int) (to - from);
    LogMelSpectrogram mel = engine.melSpectrogram();
    float[] window = new float[mel.melBins() * LogMelSpectrogram.N_FRAMES];
    mel.window(audio.array(), audio.offsetOf(from), length, window, 0);
    String prompt = transcriber.prompt();
    List<Integer> previous =
        prompt.isEmpty()
            ? List.of()
            : Arrays.stream(engine.serving().assets().tokenizer().encode(" " + prompt))
                .boxed()
                .toList();
    DecodePrefix prefix = new DecodePrefix(previous, language, engine.config().task());
    double seconds = Math.min(30.0, length / (double) LogMelSpectrogram.SAMPLE_RATE);
    DecodeRequest decode = new DecodeRequest(prefix, engine.config().decoding(), seconds);
    try {
      CompletableFuture<WindowResult> future =
          engine.serving().batchService().submit(new WindowRequest(window, decode));
      return new Pending(this, future, from, to);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broken = true;
      throw new IllegalStateException("interrupted while queueing a Whisper window", e);
    }
  }

  private WindowResult await(Pending pending) {
    try {
      return pending.future().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broken = true;
      throw new IllegalStateException("interrupted while waiting for a Whisper window", e);
    } catch (ExecutionException e) {
      broken = true;
      throw new IllegalStateException("Whisper decode failed: " + e.getCause(), e.getCause());
    }
  }

  /** Words of a window starting at segment sample {@code from}, in media time. */
  private List<Word> words(WindowResult result, long from) {
    List<Word> out = new ArrayList<>(result.words().size());
    for (DecodedWord w : result.words()) {
      long start =
          config.mediaMs(from + Math.round(w.startSeconds() * LogMelSpectrogram.SAMPLE_RATE));
      long end = config.mediaMs(from + Math.round(w.endSeconds() * LogMelSpectrogram.SAMPLE_RATE));
      out.add(new Word(w.text(), start, Math.max(start, end), w.probability()));
    }
    return out;
  }

  private void trimAudio(long bufferStartMs, long decodedTo) {
    long sample = bufferStartMs * config.sampleRate() / 1000 - config.startSample();
    long clamped = Math.max(audio.startSample(), Math.min(sample, decodedTo));
    if (clamped > audio.startSample()) {
      audio.trimTo(clamped);
    }
  }

  private static Transcript transcript(List<Word> words) {
    if (words.isEmpty()) {
      return Transcript.EMPTY;
    }
    return new Transcript(String.join(" ", words.stream().map(Word::text).toList()), words);
  }

  private void ensureUsable() {
    if (finished) {
      throw new IllegalStateException("Whisper session already finished");
    }
    if (closed) {
      throw new IllegalStateException("Whisper session is closed");
    }
    if (broken) {
      throw new IllegalStateException("Whisper session failed earlier; replay its audio");
    }
  }
}
