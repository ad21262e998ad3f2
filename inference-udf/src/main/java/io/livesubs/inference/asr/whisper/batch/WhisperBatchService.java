package io.livesubs.inference.asr.whisper.batch;

import io.livesubs.inference.asr.whisper.decoding.DecodeRequest;
import io.livesubs.inference.asr.whisper.decoding.GreedyDecoder;
import io.livesubs.inference.asr.whisper.decoding.WindowResult;
import io.livesubs.inference.asr.whisper.features.LogMelSpectrogram;
import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.model.WhisperInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes windows from many streams in shared model calls: one service per model per JVM. Callers
 * submit a {@link WindowRequest} and get a future of its {@link WindowResult}; a single worker
 * thread takes up to {@link BatchServiceConfig#maxBatch()} queued windows (waiting at most {@link
 * BatchServiceConfig#maxWait()} after the oldest was submitted), runs one encoder call and one
 * lock-step greedy decode for all of them, and completes each future with its own row's result.
 *
 * <p>Backpressure: the queue is bounded; {@link #submit} blocks while it is full, so a saturated
 * model slows its callers instead of growing the heap; {@link #trySubmit} does not block.
 *
 * <p>Thread-safe. Futures complete on the worker thread, so dependent stages that are not {@code
 * *Async} run there: keep them short. The service does not own the model. {@link #close()} is
 * idempotent: it rejects new work, fails queued windows, lets the running batch finish (for up to a
 * minute) and stops the worker.
 */
public final class WhisperBatchService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WhisperBatchService.class);
  private static final long CLOSE_WAIT_MS = 60_000;

  private final WhisperInference model;
  private final GreedyDecoder decoder;
  private final BatchServiceConfig config;
  private final int melLength;
  private final RequestQueue queue;
  private final BatchMetrics metrics = new BatchMetrics();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread worker;

  /**
   * Starts the worker thread.
   *
   * @param model the model to run (not owned: close it after this service)
   * @param decoder a decoder for the model's vocabulary
   * @param config batching limits
   */
  public WhisperBatchService(
      WhisperInference model, GreedyDecoder decoder, BatchServiceConfig config) {
    this.model = Objects.requireNonNull(model, "model");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.config = Objects.requireNonNull(config, "config");
    this.melLength = model.config().melBins() * LogMelSpectrogram.N_FRAMES;
    this.queue = new RequestQueue(config.queueCapacity());
    this.worker = new Thread(this::run, "whisper-batch-" + model.config().name());
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Queues a window, waiting while the queue is full.
   *
   * @throws IllegalArgumentException if the mel window has the wrong size or the request does not
   *     fit the model (checked here, on the caller's thread)
   * @throws IllegalStateException if the service is closed
   * @throws InterruptedException if interrupted while waiting for room
   */
  public CompletableFuture<WindowResult> submit(WindowRequest request) throws InterruptedException {
    PendingWindow pending = pending(request);
    queue.put(pending);
    return pending.future();
  }

  /**
   * Queues a window if there is room now.
   *
   * @return the future, or empty when the queue is full
   * @throws IllegalArgumentException as {@link #submit}
   * @throws IllegalStateException if the service is closed
   */
  public Optional<CompletableFuture<WindowResult>> trySubmit(WindowRequest request) {
    PendingWindow pending = pending(request);
    return queue.offer(pending) ? Optional.of(pending.future()) : Optional.empty();
  }

  /** Batch timing so far. */
  public BatchMetrics metrics() {
    return metrics;
  }

  /** The batching limits. */
  public BatchServiceConfig config() {
    return config;
  }

  /** Windows waiting in the queue. */
  public int queued() {
    return queue.size();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<PendingWindow> left = queue.close();
    IllegalStateException reason = new IllegalStateException("Whisper batch service closed");
    left.forEach(p -> p.future().completeExceptionally(reason));
    try {
      worker.join(CLOSE_WAIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      LOG.warn("Whisper batch worker still busy {} ms after close", CLOSE_WAIT_MS);
    }
  }

  private PendingWindow pending(WindowRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.mel().length != melLength) {
      throw new IllegalArgumentException(
          "mel window has "
              + request.mel().length
              + " values, model "
              + model.config().name()
              + " needs "
              + melLength);
    }
    decoder.forcedTokens(request.decode());
    return new PendingWindow(request, new CompletableFuture<>(), System.nanoTime());
  }

  private void run() {
    long maxWaitNanos = config.maxWait().toNanos();
    while (true) {
      List<PendingWindow> batch;
      try {
        batch = queue.takeBatch(config.maxBatch(), maxWaitNanos);
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        return;
      }
      // A caller that gave up (cancelled its future) needs no decode.
      batch.removeIf(p -> p.future().isDone());
      if (!batch.isEmpty()) {
        decodeBatch(batch);
      }
    }
  }

  private void decodeBatch(List<PendingWindow> batch) {
    long start = System.nanoTime();
    long maxQueue = 0;
    List<float[]> mels = new ArrayList<>(batch.size());
    List<DecodeRequest> requests = new ArrayList<>(batch.size());
    for (PendingWindow p : batch) {
      mels.add(p.request().mel());
      requests.add(p.request().decode());
      maxQueue = Math.max(maxQueue, start - p.submittedNanos());
    }
    try {
      List<WindowResult> results;
      long encoded;
      int steps;
      try (DecoderBatch rows = model.startBatch(mels)) {
        encoded = System.nanoTime();
        results = decoder.decode(rows, requests);
        steps = rows.position();
      }
      long decoded = System.nanoTime();
      metrics.record(
          new BatchStats(batch.size(), encoded - start, decoded - encoded, steps, maxQueue));
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).future().complete(results.get(i));
      }
    } catch (RuntimeException | Error e) {
      metrics.recordFailure();
      LOG.error(
          "Whisper batch of {} failed after {} ms",
          batch.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          e);
      batch.forEach(p -> p.future().completeExceptionally(e));
    }
  }
}
