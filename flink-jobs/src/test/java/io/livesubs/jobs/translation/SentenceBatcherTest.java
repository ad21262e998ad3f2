package io.livesubs.jobs.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.mt.TranslationException;
import io.livesubs.inference.mt.Translator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Grouping of waiting sentences, with an executor the test drives by hand (so "the engine is busy"
 * is exact, not timed) and an engine that upper-cases and records each call.
 */
class SentenceBatcherTest {

  /** Upper-cases; records the sentences of each call; fails on a sentence "boom". */
  private static final class RecordingEngine implements Translator {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public String name() {
      return "upper";
    }

    @Override
    public boolean supports(String source, String target) {
      return true;
    }

    @Override
    public List<String> translate(String source, String target, List<String> sentences)
        throws TranslationException {
      calls.add(List.copyOf(sentences));
      if (sentences.contains("boom")) {
        throw new TranslationException("engine failed on boom");
      }
      return sentences.stream().map(s -> s.toUpperCase(Locale.ROOT) + "/" + target).toList();
    }

    @Override
    public void close() {}
  }

  /** Runs nothing until told: the engine threads are "busy" until {@link #runAll()}. */
  private static final class HeldExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      Runnable r;
      while ((r = tasks.poll()) != null) {
        r.run();
      }
    }
  }

  @Test
  void sentencesWaitingForABusyEngineShareCallsUpToTheMaximum() throws Exception {
    RecordingEngine engine = new RecordingEngine();
    HeldExecutor executor = new HeldExecutor();
    SentenceBatcher batcher = new SentenceBatcher(engine, executor, 2);
    List<CompletableFuture<String>> es = new ArrayList<>();
    for (String s : List.of("a", "b", "c")) {
      es.add(batcher.submit("en", "es", s));
    }
    CompletableFuture<String> fr = batcher.submit("en", "fr", "d");
    executor.runAll();

    assertEquals(List.of(List.of("a", "b"), List.of("c"), List.of("d")), engine.calls);
    assertEquals(
        List.of("A/es", "B/es", "C/es"), es.stream().map(CompletableFuture::join).toList());
    assertEquals("D/fr", fr.join(), "pairs are never mixed in a call");
  }

  @Test
  void anIdleEngineTranslatesEachSentenceAtOnce() {
    RecordingEngine engine = new RecordingEngine();
    SentenceBatcher batcher = new SentenceBatcher(engine, Runnable::run, 16);
    assertEquals("X/es", batcher.submit("en", "es", "x").join());
    assertEquals("Y/es", batcher.submit("en", "es", "y").join());
    assertEquals(List.of(List.of("x"), List.of("y")), engine.calls);
  }

  @Test
  void aFailedCallFailsItsSentencesOnly() {
    RecordingEngine engine = new RecordingEngine();
    HeldExecutor executor = new HeldExecutor();
    SentenceBatcher batcher = new SentenceBatcher(engine, executor, 2);
    CompletableFuture<String> a = batcher.submit("en", "es", "a");
    CompletableFuture<String> boom = batcher.submit("en", "es", "boom");
    CompletableFuture<String> c = batcher.submit("en", "es", "c");
    executor.runAll();

    ExecutionException e = assertThrows(ExecutionException.class, a::get);
    assertTrue(e.getCause().getMessage().contains("boom"), e.getCause().getMessage());
    assertTrue(boom.isCompletedExceptionally());
    assertEquals("C/es", c.join());
  }

  @Test
  void aFullExecutorRejectsAndKeepsNothingQueued() {
    RecordingEngine engine = new RecordingEngine();
    HeldExecutor held = new HeldExecutor();
    boolean[] full = {true};
    Executor executor =
        task -> {
          if (full[0]) {
            throw new RejectedExecutionException("full");
          }
          held.execute(task);
        };
    SentenceBatcher batcher = new SentenceBatcher(engine, executor, 4);
    assertThrows(RejectedExecutionException.class, () -> batcher.submit("en", "es", "a"));
    full[0] = false;
    CompletableFuture<String> b = batcher.submit("en", "es", "b");
    held.runAll();
    // Had the rejected "a" stayed queued, the drain for "b" would have translated it too.
    assertEquals(List.of(List.of("b")), engine.calls);
    assertEquals("B/es", b.join());
  }
}
