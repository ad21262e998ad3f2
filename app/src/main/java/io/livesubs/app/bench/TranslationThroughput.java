package io.livesubs.app.bench;

import io.livesubs.app.demo.LatencyStats;
import io.livesubs.inference.mt.TranslationException;
import io.livesubs.inference.mt.Translator;
import java.util.ArrayList;
import java.util.List;

/**
 * The translation engine alone, outside the job: sentences per second when given batches, and the
 * time one sentence takes on its own (what a lone phrase waits for in the job). One warm-up call
 * comes first, so that start-up (an Apertium pipeline, a model's first run) is not counted.
 * Stateless; runs on the calling thread.
 */
final class TranslationThroughput {

  /** Sentences per call of the throughput run; the job's async operator batches similarly. */
  static final int BATCH = 16;

  /** Fewest sentences timed; the input is repeated to reach it. */
  static final int MIN_SENTENCES = 200;

  private TranslationThroughput() {}

  /**
   * The result.
   *
   * @param sentences sentences translated in the throughput run
   * @param sentencesPerSecond throughput with batches of {@value #BATCH}
   * @param singleMicros time one sentence takes alone, µs
   */
  record Result(int sentences, double sentencesPerSecond, LatencyStats singleMicros) {}

  /**
   * Measures {@code translator} from {@code source} to {@code target} on {@code sentences}.
   *
   * @throws IllegalArgumentException if there are no sentences
   * @throws TranslationException if the engine fails
   */
  static Result run(Translator translator, String source, String target, List<String> sentences)
      throws TranslationException {
    List<String> input = sentences.stream().filter(s -> !s.isBlank()).toList();
    if (input.isEmpty()) {
      throw new IllegalArgumentException("no sentences to translate");
    }
    translator.translate(source, target, input.subList(0, 1));

    List<String> timed = new ArrayList<>();
    while (timed.size() < MIN_SENTENCES) {
      timed.addAll(input);
    }
    long start = System.nanoTime();
    for (int i = 0; i < timed.size(); i += BATCH) {
      translator.translate(source, target, timed.subList(i, Math.min(timed.size(), i + BATCH)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    int singles = Math.min(input.size(), 50);
    long[] singleMicros = new long[singles];
    for (int i = 0; i < singles; i++) {
      long t0 = System.nanoTime();
      translator.translate(source, target, List.of(input.get(i)));
      singleMicros[i] = (System.nanoTime() - t0) / 1_000;
    }
    return new Result(timed.size(), timed.size() / seconds, LatencyStats.of(singleMicros));
  }
}
