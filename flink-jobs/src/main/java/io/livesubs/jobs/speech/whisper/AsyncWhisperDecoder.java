package io.livesubs.jobs.speech.whisper;

import io.livesubs.inference.asr.whisper.WhisperEngine;
import io.livesubs.inference.asr.whisper.decoding.DecodedWord;
import io.livesubs.inference.asr.whisper.decoding.WindowResult;
import io.livesubs.jobs.speech.AsrSettings;
import io.livesubs.jobs.speech.RecognizedWord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes {@link SpeechWindow}s with Whisper off the task thread, for {@code
 * AsyncDataStream.orderedWait} (ordered, so each stream's windows stay in order; the operator's
 * capacity bounds the windows in flight per subtask and backpressures beyond it).
 *
 * <p><b>Batching.</b> One {@link WhisperEngine} per model, device and batching limits per JVM:
 * every subtask holds a lease on it ({@link WhisperEngine#open}) and releases it in {@link
 * #close()}. Its batch service decodes the windows of all subtasks and streams together, up to
 * {@code asr.whisper.max-batch} per model call, each row independent of the others, so a stream's
 * results do not depend on who shares its batch. The log-mel is computed here on the task thread;
 * {@code asyncInvoke} blocks only while the JVM's batch queue is full, which is backpressure as
 * well.
 *
 * <p><b>Failures never fail the job.</b> A window that times out ({@code asr.whisper.timeout-ms};
 * its queued decode is cancelled) or whose model call fails comes out with that outcome and no
 * words, and is counted; {@link SegmentAgreement} then keeps the previous hypothesis. Windows of a
 * language or sample rate the model cannot do come out UNSUPPORTED. Metrics: {@link DecodeMetrics}.
 * Flink calls {@code asyncInvoke} and {@code timeout} from the task thread; results complete on the
 * batch worker thread.
 */
public final class AsyncWhisperDecoder extends RichAsyncFunction<SpeechWindow, DecodedWindow> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AsyncWhisperDecoder.class);
  private static final int SAMPLE_RATE = 16_000;
  private static final RecognizedWord[] NO_WORDS = new RecognizedWord[0];

  private final AsrSettings settings;
  private transient WhisperEngine engine;
  private transient String engineName;
  private transient Map<SpeechWindow, CompletableFuture<WindowResult>> pending;
  private transient DecodeMetrics metrics;

  /**
   * A decoder for the Whisper engine {@code settings} describe.
   *
   * @param settings engine, model folder, device, language and Whisper limits
   */
  public AsyncWhisperDecoder(AsrSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void open(OpenContext openContext) {
    engine =
        WhisperEngine.open(
            settings
                .whisper()
                .engineConfig(settings.modelDir(), settings.device(), settings.language()));
    engineName = engine.name();
    // Identity: equal windows of two streams are still two decodes.
    pending = Collections.synchronizedMap(new IdentityHashMap<>());
    metrics =
        new DecodeMetrics(
            getRuntimeContext().getMetricGroup(), engine.batchMetrics(), () -> pending.size());
  }

  @Override
  public void asyncInvoke(SpeechWindow window, ResultFuture<DecodedWindow> result) {
    if (!window.hasAudio()) {
      result.complete(List.of(empty(window, DecodedWindow.Outcome.NO_AUDIO)));
      return;
    }
    String hint = window.languageHint();
    if (window.sampleRate() != SAMPLE_RATE || (hint != null && !supported(hint))) {
      metrics.unsupported.inc();
      result.complete(List.of(empty(window, DecodedWindow.Outcome.UNSUPPORTED)));
      return;
    }
    long started = System.nanoTime();
    CompletableFuture<WindowResult> decode;
    try {
      decode = engine.decodeWindow(window.samples(), 0, window.samples().length, hint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(e); // the task is being cancelled
      return;
    } catch (RuntimeException e) {
      result.complete(List.of(failed(window, e)));
      return;
    }
    pending.put(window, decode);
    metrics.inFlight(pending.size());
    decode.whenComplete(
        (decoded, error) -> {
          if (pending.remove(window) == null) {
            return; // timed out: already completed
          }
          if (error != null) {
            result.complete(List.of(failed(window, error)));
            return;
          }
          metrics.decoded(System.nanoTime() - started, window.newSamples(), window.sampleRate());
          result.complete(List.of(decodedWindow(window, decoded)));
        });
  }

  @Override
  public void timeout(SpeechWindow window, ResultFuture<DecodedWindow> result) {
    CompletableFuture<WindowResult> decode = pending.remove(window);
    if (decode != null) {
      decode.cancel(false); // the batch worker skips cancelled windows it has not started
    }
    metrics.timeouts.inc();
    LOG.warn(
        "Whisper window {}..{} of stream {} timed out after {} ms; skipped",
        window.startSample(),
        window.endSample(),
        window.streamId(),
        settings.whisper().timeoutMs());
    result.complete(List.of(empty(window, DecodedWindow.Outcome.TIMED_OUT)));
  }

  @Override
  public void close() throws Exception {
    if (engine != null) {
      engine.close(); // releases this subtask's lease; the last one closes the model
      engine = null;
    }
    super.close();
  }

  private boolean supported(String hint) {
    try {
      return engine.supportsLanguage(hint);
    } catch (RuntimeException malformed) {
      return false; // hints are producer input
    }
  }

  private DecodedWindow decodedWindow(SpeechWindow w, WindowResult r) {
    List<RecognizedWord> words = new ArrayList<>(r.words().size());
    for (DecodedWord d : r.words()) {
      long start = w.mediaMs(w.startSample() + Math.round(d.startSeconds() * w.sampleRate()));
      long end = w.mediaMs(w.startSample() + Math.round(d.endSeconds() * w.sampleRate()));
      words.add(new RecognizedWord(d.text(), start, Math.max(start, end), d.probability()));
    }
    String language = language(w, r.language());
    DecodedWindow.Outcome outcome =
        r.dropped() ? DecodedWindow.Outcome.DROPPED : DecodedWindow.Outcome.DECODED;
    return new DecodedWindow(
        w.streamId(),
        w.kind(),
        outcome,
        w.mediaMs(w.startSample()),
        w.mediaMs(w.endSample()),
        words.toArray(RecognizedWord[]::new),
        w.captureAnchorMs(),
        language,
        engineName);
  }

  private DecodedWindow failed(SpeechWindow w, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    metrics.failures.inc();
    LOG.warn(
        "Whisper window {}..{} of stream {} failed; skipped",
        w.startSample(),
        w.endSample(),
        w.streamId(),
        cause);
    return empty(w, DecodedWindow.Outcome.FAILED);
  }

  private DecodedWindow empty(SpeechWindow w, DecodedWindow.Outcome outcome) {
    return new DecodedWindow(
        w.streamId(),
        w.kind(),
        outcome,
        w.mediaMs(w.startSample()),
        w.mediaMs(w.endSample()),
        NO_WORDS,
        w.captureAnchorMs(),
        language(w, null),
        engineName);
  }

  private String language(SpeechWindow w, String detected) {
    if (w.languageHint() != null) {
      return w.languageHint();
    }
    if (settings.language() != null) {
      return settings.language();
    }
    return detected != null ? detected : "und";
  }
}
