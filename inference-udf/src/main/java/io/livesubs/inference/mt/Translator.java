package io.livesubs.inference.mt;

import java.util.List;

/**
 * A machine-translation engine shared by all streams in a JVM: sentences in, sentences out.
 *
 * <p>Implementations are thread-safe and may batch concurrent calls. A call translates whole
 * sentences (never caption fragments) and returns exactly one output per input, in order. Engines
 * hold native resources or child processes: {@link #close()} releases them and is idempotent.
 */
public interface Translator extends AutoCloseable {

  /** Identifies engine and model, e.g. {@code apertium:eng-spa}. */
  String name();

  /** Whether this engine can translate from {@code source} to {@code target} (BCP 47). */
  boolean supports(String source, String target);

  /**
   * Translates {@code sentences} from {@code source} into {@code target}.
   *
   * @return one translation per input sentence, in the same order
   * @throws IllegalArgumentException if the language pair is not supported
   * @throws TranslationException if the engine fails or times out
   */
  List<String> translate(String source, String target, List<String> sentences)
      throws TranslationException;

  /** Releases the engine's resources; idempotent. */
  @Override
  void close();
}
