package io.livesubs.jobs.speech;

import io.livesubs.inference.models.SharedResourceRegistry;

/**
 * One open ASR engine per engine and model per JVM (per class loader, to be exact: in a Flink
 * cluster, put the job's model libraries into Flink's {@code lib/} to share them across jobs),
 * shared by all subtasks of the recognition stage. Engines are thread-safe (see {@code AsrEngine});
 * each subtask holds a lease and closes it when it closes; the last lease closes the engine.
 * Thread-safe.
 */
final class SharedAsrEngines {

  private static final SharedResourceRegistry<Key, AsrSettings.LoadedEngine> ENGINES =
      new SharedResourceRegistry<>("ASR engine");

  private SharedAsrEngines() {}

  /** A lease on the engine {@code settings} name, opening it if nobody holds one. */
  static SharedResourceRegistry.Lease<AsrSettings.LoadedEngine> acquire(AsrSettings settings) {
    return ENGINES.acquire(
        new Key(
            settings.engine(),
            settings.modelDir(),
            settings.device(),
            settings.language(),
            settings.whisper()),
        k -> settings.open());
  }

  /** Engines differ by kind, model and engine settings; the partial settings are per session. */
  private record Key(
      AsrSettings.Engine engine,
      String modelDir,
      String device,
      String language,
      io.livesubs.jobs.speech.whisper.WhisperSettings whisper) {}
}
