package io.livesubs.jobs.translation;

import io.livesubs.inference.mt.Translator;
import java.util.HashMap;
import java.util.Map;

/**
 * One translation engine per {@link TranslatorFactory#id()} per JVM, shared by every subtask in a
 * task manager: an Apertium process per language pair is enough for all of them. Reference counted:
 * {@link #acquire} creates the engine for the first user, {@link #release} closes it when the last
 * user lets go. Thread-safe (all methods synchronise on the class).
 */
final class SharedTranslators {

  private static final Map<String, Entry> ENGINES = new HashMap<>();

  private SharedTranslators() {}

  /** The shared engine of {@code factory}, created if no one holds it; release it when done. */
  static synchronized Translator acquire(TranslatorFactory factory) {
    Entry entry = ENGINES.computeIfAbsent(factory.id(), id -> new Entry(factory.create()));
    entry.users++;
    return entry.translator;
  }

  /** Lets go of the engine of {@code factory}; the last release closes it. */
  static synchronized void release(TranslatorFactory factory) {
    Entry entry = ENGINES.get(factory.id());
    if (entry == null) {
      return;
    }
    entry.users--;
    if (entry.users <= 0) {
      ENGINES.remove(factory.id());
      entry.translator.close();
    }
  }

  private static final class Entry {
    final Translator translator;
    int users;

    Entry(Translator translator) {
      this.translator = translator;
    }
  }
}
