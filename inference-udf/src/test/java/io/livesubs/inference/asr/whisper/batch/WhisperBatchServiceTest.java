package io.livesubs.inference.asr.whisper.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperScriptedModel;
import io.livesubs.inference.asr.whisper.WhisperScriptedModel.Script;
import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import io.livesubs.inference.asr.whisper.decoding.DecodeOptions;
import io.livesubs.inference.asr.whisper.decoding.DecodePrefix;
import io.livesubs.inference.asr.whisper.decoding.DecodeRequest;
import io.livesubs.inference.asr.whisper.decoding.GreedyDecoder;
import io.livesubs.inference.asr.whisper.decoding.WindowResult;
import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch service over a scripted test model (crafted logits; the engine tests use the real
 * stand-in ONNX model).
 */
class WhisperBatchServiceTest {
  private static final int STREAMS = 48;
  private static WhisperTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 99);
  }

  /** One distinct script per stream: different text, length and language. */
  private static WhisperScriptedModel model() {
    List<Script> scripts = new ArrayList<>();
    String[] languages = {"en", "de", "fr", "es"};
    for (int i = 0; i < STREAMS; i++) {
      StringBuilder text = new StringBuilder(" Stream " + i + " says");
      for (int w = 0; w < i % 7; w++) {
        text.append(" word").append(w * 13 + i);
      }
      int ts0 = tokenizer.specials().timestampToken(0);
      int ts1 = tokenizer.specials().timestampToken(1 + i % 5);
      int[] body = tokenizer.encode(text + ".");
      int[] out = new int[body.length + 2];
      out[0] = ts0;
      System.arraycopy(body, 0, out, 1, body.length);
      out[out.length - 1] = ts1;
      scripts.add(Script.speech(languages[i % languages.length], out));
    }
    return new WhisperScriptedModel(tokenizer, scripts);
  }

  private static DecodeRequest request(int i) {
    // Every other stream detects its language; some carry previous text of varying length.
    List<Integer> previous =
        i % 3 == 0 ? List.of() : List.of(tokenizer.encode(" earlier text " + i)[0]);
    String language = i % 2 == 0 ? null : new String[] {"en", "de", "fr", "es"}[i % 4];
    return new DecodeRequest(
        DecodePrefix.transcribe(language).withPrevious(previous), DecodeOptions.DEFAULTS, 8);
  }

  private static WindowResult alone(WhisperScriptedModel model, int i) {
    GreedyDecoder decoder = new GreedyDecoder(tokenizer, model.config());
    try (DecoderBatch batch = model.startBatch(List.of(WhisperScriptedModel.window(i)))) {
      return decoder.decode(batch, List.of(request(i))).get(0);
    }
  }

  private static WindowRequest window(int i) {
    return new WindowRequest(WhisperScriptedModel.window(i), request(i));
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void concurrentSubmittersEachGetTheirOwnResultAndBatchesForm() throws Exception {
    WhisperScriptedModel model = model();
    List<WindowResult> expected = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      expected.add(alone(model, i));
    }
    int before = model.batchSizes().size();
    BatchServiceConfig config =
        BatchServiceConfig.builder().maxBatch(8).maxWait(Duration.ofMillis(200)).build();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try (WhisperBatchService service =
        new WhisperBatchService(model, new GreedyDecoder(tokenizer, model.config()), config)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<WindowResult>> results = new ArrayList<>();
      for (int i = 0; i < STREAMS; i++) {
        int stream = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return service.submit(window(stream)).get(30, TimeUnit.SECONDS);
                }));
      }
      start.countDown();
      for (int i = 0; i < STREAMS; i++) {
        WindowResult got = results.get(i).get(60, TimeUnit.SECONDS);
        assertEquals(expected.get(i), got, "stream " + i);
        assertTrue(got.text().startsWith("Stream " + i + " says"), got.text());
      }
      List<Integer> sizes = model.batchSizes().subList(before, model.batchSizes().size());
      assertEquals(STREAMS, sizes.stream().mapToInt(Integer::intValue).sum());
      assertTrue(sizes.stream().anyMatch(s -> s > 1), "batches formed: " + sizes);
      assertTrue(sizes.stream().allMatch(s -> s <= 8), "max batch respected: " + sizes);
      assertEquals(STREAMS, service.metrics().windows());
      assertTrue(service.metrics().averageBatchSize() > 1);
      assertTrue(service.metrics().last().decoderSteps() > 0);
      assertFalse(service.metrics().bySize().isEmpty());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFullQueueBlocksSubmittersUntilTheWorkerCatchesUp() throws Exception {
    WhisperScriptedModel model = model();
    BatchServiceConfig config =
        BatchServiceConfig.builder().maxBatch(1).maxWait(Duration.ZERO).queueCapacity(2).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (WhisperBatchService service =
        new WhisperBatchService(model, new GreedyDecoder(tokenizer, model.config()), config)) {
      model.closeGate();
      CompletableFuture<WindowResult> first = service.submit(window(0));
      await(() -> service.queued() == 0, "the worker to take the first window");
      CompletableFuture<WindowResult> second = service.submit(window(1));
      CompletableFuture<WindowResult> third = service.submit(window(2));
      assertEquals(Optional.empty(), service.trySubmit(window(3)), "full queue refuses at once");

      CountDownLatch submitting = new CountDownLatch(1);
      Future<CompletableFuture<WindowResult>> blocked =
          pool.submit(
              () -> {
                submitting.countDown();
                return service.submit(window(4));
              });
      submitting.await();
      assertThrows(
          TimeoutException.class,
          () -> blocked.get(300, TimeUnit.MILLISECONDS),
          "submit blocks while full");
      assertFalse(first.isDone());

      model.openGate();
      CompletableFuture<WindowResult> fifth = blocked.get(30, TimeUnit.SECONDS);
      assertTrue(fifth.get(30, TimeUnit.SECONDS).text().startsWith("Stream 4 says"));
      assertTrue(first.get().text().startsWith("Stream 0 says"));
      assertTrue(second.get().text().startsWith("Stream 1 says"));
      assertTrue(third.get().text().startsWith("Stream 2 says"));
    } finally {
      model.openGate();
      pool.shutdownNow();
    }
  }

  @Test
  void closeFailsQueuedWindowsAndRejectsNewOnes() throws Exception {
    WhisperScriptedModel model = model();
    BatchServiceConfig config =
        BatchServiceConfig.builder().maxBatch(1).maxWait(Duration.ZERO).queueCapacity(4).build();
    WhisperBatchService service =
        new WhisperBatchService(model, new GreedyDecoder(tokenizer, model.config()), config);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      model.closeGate();
      CompletableFuture<WindowResult> running = service.submit(window(0));
      await(() -> service.queued() == 0, "the worker to take the first window");
      CompletableFuture<WindowResult> queued1 = service.submit(window(1));
      CompletableFuture<WindowResult> queued2 = service.submit(window(2));

      Future<?> closing = pool.submit(service::close);
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> queued1.get(10, TimeUnit.SECONDS));
      assertInstanceOf(IllegalStateException.class, failed.getCause());
      assertThrows(ExecutionException.class, () -> queued2.get(10, TimeUnit.SECONDS));
      assertThrows(IllegalStateException.class, () -> service.submit(window(3)));

      model.openGate();
      closing.get(30, TimeUnit.SECONDS);
      assertTrue(
          running.get(10, TimeUnit.SECONDS).text().startsWith("Stream 0 says"),
          "the running batch finishes");
      service.close();
    } finally {
      model.openGate();
      pool.shutdownNow();
    }
  }

  @Test
  void aFailingBatchFailsItsFuturesAndTheServiceGoesOn() throws Exception {
    WhisperScriptedModel model = model();
    try (WhisperBatchService service =
        new WhisperBatchService(
            model, new GreedyDecoder(tokenizer, model.config()), BatchServiceConfig.DEFAULTS)) {
      // Script index beyond the model's scripts: the model call throws.
      CompletableFuture<WindowResult> bad =
          service.submit(new WindowRequest(WhisperScriptedModel.window(STREAMS + 5), request(0)));
      assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
      assertEquals(1, service.metrics().failedBatches());
      assertTrue(
          service.submit(window(7)).get(10, TimeUnit.SECONDS).text().startsWith("Stream 7 says"));
    }
  }

  @Test
  void rejectsAWrongSizedWindowOnTheCallersThread() {
    WhisperScriptedModel model = model();
    try (WhisperBatchService service =
        new WhisperBatchService(
            model, new GreedyDecoder(tokenizer, model.config()), BatchServiceConfig.DEFAULTS)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> service.submit(new WindowRequest(new float[10], request(0))));
      assertTrue(e.getMessage().contains("mel window"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> BatchServiceConfig.builder().maxBatch(0).build());
    }
  }
}
