package io.livesubs.jobs.translation;

import io.livesubs.inference.mt.TranslationException;
import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.mt.apertium.ApertiumTranslator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real Apertium translator with injected failures, the test double of a broken engine: a
 * sentence starting with {@code stall} hangs until {@link #RELEASE} opens (at most 30 s), one
 * starting with {@code explode} fails. Everything else is translated by Apertium.
 */
final class FlakyTranslator implements Translator {

  /** Opened by the test to let stalled calls go. */
  static volatile CountDownLatch RELEASE = new CountDownLatch(1);

  private final ApertiumTranslator delegate = ApertiumTranslator.create();

  @Override
  public String name() {
    return "flaky-apertium";
  }

  @Override
  public boolean supports(String source, String target) {
    return delegate.supports(source, target);
  }

  @Override
  public List<String> translate(String source, String target, List<String> sentences)
      throws TranslationException {
    String first = sentences.get(0);
    if (first.startsWith("stall")) {
      try {
        RELEASE.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new TranslationException("stalled engine gave up");
    }
    if (first.startsWith("explode")) {
      throw new TranslationException("engine crashed");
    }
    return delegate.translate(source, target, sentences);
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Creates {@link FlakyTranslator}s. */
  static final class Factory implements TranslatorFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public String id() {
      return "flaky-apertium";
    }

    @Override
    public Translator create() {
      return new FlakyTranslator();
    }
  }
}
