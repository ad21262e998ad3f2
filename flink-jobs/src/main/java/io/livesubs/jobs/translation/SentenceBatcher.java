package io.livesubs.jobs.translation;

import io.livesubs.inference.mt.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Groups sentences waiting for the same language pair into one engine call, so that an engine that
 * batches (Marian runs a call's sentences through the encoder and decoder together) gets batches
 * from many streams' phrases.
 *
 * <p>Batching is opportunistic, never timed: each {@link #submit} queues its sentence and hands one
 * drain task to the executor; a drain task takes up to {@code maxBatch} waiting sentences of its
 * pair (none, when earlier drains took them all) and translates them in one call. An idle engine
 * therefore translates a sentence at once, and only while the engine threads are busy do sentences
 * accumulate into larger batches: batching adds no waiting. The engines' results do not depend on
 * which sentences share a call, so output stays deterministic.
 *
 * <p>Thread-safe. The executor (and its bound, which makes {@link #submit} throw {@link
 * RejectedExecutionException} when full) belongs to the caller.
 */
final class SentenceBatcher {

  private final Translator translator;
  private final Executor executor;
  private final int maxBatch;
  private final Map<String, ConcurrentLinkedQueue<Pending>> waiting = new ConcurrentHashMap<>();

  /** A batcher calling {@code translator} on {@code executor}, up to {@code maxBatch} a call. */
  SentenceBatcher(Translator translator, Executor executor, int maxBatch) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.executor = Objects.requireNonNull(executor, "executor");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
    }
    this.maxBatch = maxBatch;
  }

  /**
   * Translates {@code text} from {@code source} to {@code target}.
   *
   * @return the translation, or a future failed with the engine's exception
   * @throws RejectedExecutionException when the executor takes no more work (nothing is queued)
   */
  CompletableFuture<String> submit(String source, String target, String text) {
    Pending p = new Pending(text, new CompletableFuture<>());
    ConcurrentLinkedQueue<Pending> queue =
        waiting.computeIfAbsent(source + '\u0000' + target, k -> new ConcurrentLinkedQueue<>());
    queue.add(p);
    try {
      executor.execute(() -> drain(source, target, queue));
    } catch (RejectedExecutionException full) {
      // Not queued after all, unless a running drain already took it (then it completes anyway).
      if (queue.remove(p)) {
        throw full;
      }
    }
    return p.result();
  }

  private void drain(String source, String target, ConcurrentLinkedQueue<Pending> queue) {
    List<Pending> batch = new ArrayList<>(maxBatch);
    Pending next;
    while (batch.size() < maxBatch && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      texts.add(p.text());
    }
    try {
      List<String> out = translator.translate(source, target, texts);
      if (out.size() != texts.size()) {
        throw new IllegalStateException(
            translator.name() + " returned " + out.size() + " sentences for " + texts.size());
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(out.get(i));
      }
    } catch (Exception | LinkageError e) {
      for (Pending p : batch) {
        p.result().completeExceptionally(e);
      }
    }
  }

  private record Pending(String text, CompletableFuture<String> result) {}
}
