package io.livesubs.jobs.translation;

import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.mt.apertium.ApertiumTranslator;
import java.io.Serializable;

/**
 * Creates the translation engine on the task manager; serializable so that an operator can carry it
 * in the job graph. {@link #id()} names the engine and its settings: {@link SharedTranslators}
 * shares one engine per id per JVM. Implementations are immutable and thread-safe.
 */
public interface TranslatorFactory extends Serializable {

  /** Identity of the engine this factory creates; equal ids share one engine. */
  String id();

  /** A new engine; the caller owns it and closes it. */
  Translator create();

  /** Apertium on the system installation (one long-lived process per language pair). */
  static TranslatorFactory apertium() {
    return new Apertium();
  }

  /** The factory of {@link ApertiumTranslator#create()}. */
  final class Apertium implements TranslatorFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public String id() {
      return "apertium";
    }

    @Override
    public Translator create() {
      return ApertiumTranslator.create();
    }
  }
}
