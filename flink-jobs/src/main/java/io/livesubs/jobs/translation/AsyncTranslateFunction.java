package io.livesubs.jobs.translation;

import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.mt.apertium.ApertiumTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates each {@link TranslationRequest} into its target languages off the task thread, for
 * {@code AsyncDataStream.orderedWait} (ordered, so each stream's phrases stay in order; the
 * operator's capacity bounds what is in flight and backpressures beyond it).
 *
 * <p><b>Failures never fail the job.</b> A target whose engine call throws, is rejected by the full
 * thread pool, or does not support the pair gives no output and increments {@code
 * translationFailures}; the other targets of the phrase still come out. A request that times out in
 * the operator (all its targets) completes empty and counts one failure per target. Source cues do
 * not pass through here, so they keep flowing whatever the engine does.
 *
 * <p><b>Resources.</b> The engine is shared per JVM ({@link SharedTranslators}); the thread pool
 * ({@code threads} threads, a bounded queue) belongs to this instance and {@link #close()} shuts it
 * down. An engine call stuck past the timeout keeps its pool thread until the engine's own timeout
 * (Apertium kills and restarts the process). Metrics: {@code translationFailures}, {@code
 * translatedPhrases}, and for Apertium {@code translationEngineRestarts} (crashed or stuck
 * pipelines replaced, per JVM). Flink calls {@code asyncInvoke} and {@code timeout} from the task
 * thread; completions come from pool threads.
 */
public final class AsyncTranslateFunction
    extends RichAsyncFunction<TranslationRequest, TranslatedPhrase> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AsyncTranslateFunction.class);

  private final TranslatorFactory factory;
  private final int threads;
  private final int queueCapacity;
  private final int maxBatch;
  private transient Translator translator;
  private transient ExecutorService pool;
  private transient SentenceBatcher batcher;
  private transient Counter failures;
  private transient Counter translated;

  /**
   * A function on the engine of {@code factory} with {@code threads} engine calls in parallel and
   * up to {@code queueCapacity} waiting, one sentence a call.
   */
  public AsyncTranslateFunction(TranslatorFactory factory, int threads, int queueCapacity) {
    this(factory, threads, queueCapacity, 1);
  }

  /**
   * A function on the engine of {@code factory} with {@code threads} engine calls in parallel, up
   * to {@code queueCapacity} waiting, and up to {@code maxBatch} waiting sentences of a language
   * pair per call ({@link SentenceBatcher}).
   */
  public AsyncTranslateFunction(
      TranslatorFactory factory, int threads, int queueCapacity, int maxBatch) {
    this.factory = Objects.requireNonNull(factory, "factory");
    if (threads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException(
          "threads and queueCapacity must be >= 1, got " + threads + ", " + queueCapacity);
    }
    this.threads = threads;
    this.queueCapacity = queueCapacity;
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
    }
    this.maxBatch = maxBatch;
  }

  @Override
  public void open(OpenContext openContext) {
    failures = getRuntimeContext().getMetricGroup().counter("translationFailures");
    translated = getRuntimeContext().getMetricGroup().counter("translatedPhrases");
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0L,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            r -> {
              Thread t = new Thread(r, "translate-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    translator = SharedTranslators.acquire(factory);
    batcher = new SentenceBatcher(translator, pool, maxBatch);
    if (translator instanceof ApertiumTranslator apertium) {
      // Per JVM, like the engine: every subtask of a task manager reports the same count.
      getRuntimeContext()
          .getMetricGroup()
          .gauge("translationEngineRestarts", (Gauge<Long>) apertium::restarts);
    }
  }

  @Override
  public void asyncInvoke(TranslationRequest request, ResultFuture<TranslatedPhrase> result) {
    if (request.endOfStream()) {
      List<TranslatedPhrase> ends = new ArrayList<>();
      for (String target : request.targetLanguages()) {
        ends.add(TranslatedPhrase.end(request, target));
      }
      result.complete(ends);
      return;
    }
    if (request.partial() && request.text().isEmpty()) {
      List<TranslatedPhrase> withdrawals = new ArrayList<>();
      for (String target : request.targetLanguages()) {
        withdrawals.add(TranslatedPhrase.of(request, target, "", ""));
      }
      result.complete(withdrawals); // nothing to translate: the preview is withdrawn
      return;
    }
    List<CompletableFuture<Optional<TranslatedPhrase>>> parts = new ArrayList<>();
    for (String target : request.targetLanguages()) {
      parts.add(translate(request, target));
    }
    CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenRun(
            () -> {
              List<TranslatedPhrase> done = new ArrayList<>();
              for (CompletableFuture<Optional<TranslatedPhrase>> part : parts) {
                part.join().ifPresent(done::add);
              }
              result.complete(done);
            });
  }

  private CompletableFuture<Optional<TranslatedPhrase>> translate(
      TranslationRequest request, String target) {
    if (!translator.supports(request.sourceLanguage(), target)) {
      return CompletableFuture.completedFuture(
          failed(request, target, "pair not supported by " + translator.name(), null));
    }
    try {
      return batcher
          .submit(request.sourceLanguage(), target, request.text())
          .handle(
              (text, error) -> {
                if (error != null) {
                  return failed(request, target, error.getMessage(), error);
                }
                translated.inc();
                return Optional.of(
                    TranslatedPhrase.of(request, target, text, engineName(request, target)));
              });
    } catch (RejectedExecutionException full) {
      return CompletableFuture.completedFuture(
          failed(request, target, "translation queue full", null));
    }
  }

  private String engineName(TranslationRequest request, String target) {
    // The engine names all its pairs; a cue names the one that made it.
    String name = translator.name();
    int colon = name.indexOf(':');
    String base = colon < 0 ? name : name.substring(0, colon);
    return base + ":" + request.sourceLanguage() + "-" + target;
  }

  private Optional<TranslatedPhrase> failed(
      TranslationRequest request, String target, String why, Throwable cause) {
    failures.inc();
    LOG.warn(
        "translation of stream {} cue {} into {} failed: {}",
        request.streamId(),
        request.firstCueSeq(),
        target,
        why,
        cause);
    return Optional.empty();
  }

  @Override
  public void timeout(TranslationRequest request, ResultFuture<TranslatedPhrase> result) {
    failures.inc(request.targetLanguages().length);
    LOG.warn(
        "translation of stream {} cue {} timed out; skipped",
        request.streamId(),
        request.firstCueSeq());
    result.complete(List.of());
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
    if (translator != null) {
      translator = null;
      SharedTranslators.release(factory);
    }
  }
}
