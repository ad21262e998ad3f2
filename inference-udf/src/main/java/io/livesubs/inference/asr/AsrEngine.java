package io.livesubs.inference.asr;

import java.util.ArrayList;
import java.util.List;

/**
 * A speech recogniser shared by all streams in a JVM. Implementations are thread-safe: sessions may
 * be opened and fed from many threads at once (each session by one thread at a time).
 *
 * <p>Two kinds of engine fit behind this interface:
 *
 * <ul>
 *   <li>streaming engines (Vosk) decode incrementally inside {@link AsrSession#acceptWaveform};
 *   <li>batched engines (e.g. Whisper on a GPU) re-decode each open segment's growing audio every
 *       {@link AsrSessionConfig#partialIntervalMs()} and batch the work of many sessions into one
 *       model call, either by overriding {@link #acceptWaveforms} (one caller with many streams) or
 *       by coalescing concurrent calls from different threads.
 * </ul>
 *
 * <p>{@link #close()} releases the engine's hold on shared models; open sessions must be closed
 * first.
 */
public interface AsrEngine extends AutoCloseable {
  /** Identifies engine and model, e.g. {@code vosk:vosk-model-en-us}. */
  String name();

  /**
   * Whether the engine can recognise {@code language} (BCP 47; only the primary subtag counts, so
   * "en-GB" matches an "en" model).
   */
  boolean supportsLanguage(String language);

  /**
   * Opens a session for one speech segment.
   *
   * @throws IllegalArgumentException if the config's language or sample rate is unsupported
   * @throws IllegalStateException if the engine is closed
   */
  AsrSession openSession(AsrSessionConfig config);

  /**
   * Feeds audio to several sessions at once and returns their updates in the same order. The
   * default feeds them one by one; batched engines override it to decode them in one model call.
   */
  default List<AsrUpdate> acceptWaveforms(List<AsrFeed> feeds) {
    List<AsrUpdate> updates = new ArrayList<>(feeds.size());
    for (AsrFeed f : feeds) {
      updates.add(f.session().acceptWaveform(f.samples(), f.offset(), f.length()));
    }
    return updates;
  }

  /** Releases this engine's resources; idempotent. */
  @Override
  void close();
}
