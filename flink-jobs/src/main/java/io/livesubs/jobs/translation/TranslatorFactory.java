package io.livesubs.jobs.translation;

import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.mt.apertium.ApertiumTranslator;
import io.livesubs.inference.mt.marian.MarianTranslator;
import io.livesubs.inference.mt.marian.MarianTranslatorConfig;
import io.livesubs.inference.onnx.ExecutionDevice;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates the translation engine on the task manager; serializable so that an operator can carry it
 * in the job graph. {@link #id()} names the engine and its settings: {@link SharedTranslators}
 * shares one engine per id per JVM. Implementations are immutable and thread-safe.
 */
public interface TranslatorFactory extends Serializable {

  /** Identity of the engine this factory creates; equal ids share one engine. */
  String id();

  /**
   * A new engine; the caller owns it and closes it.
   *
   * @throws io.livesubs.inference.models.ModelLoadException if the engine's model cannot be loaded
   */
  Translator create();

  /** The engine {@code settings} select ({@code translation.engine} and its options). */
  static TranslatorFactory of(TranslationSettings settings) {
    return switch (settings.engine()) {
      case TranslationSettings.MARIAN ->
          marian(
              settings.marianModelDir(),
              ExecutionDevice.parse(settings.marianDevice()),
              settings.marianBeamSize());
      default -> apertium();
    };
  }

  /** Apertium on the system installation (one long-lived process per language pair). */
  static TranslatorFactory apertium() {
    return new Apertium();
  }

  /**
   * MarianMT on ONNX Runtime with the model in {@code modelDir} (a path on the task managers).
   *
   * @throws IllegalArgumentException if the beam size is not 1..16
   */
  static TranslatorFactory marian(String modelDir, ExecutionDevice device, int beamSize) {
    return new Marian(modelDir, device.toString(), beamSize);
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

  /**
   * The factory of {@link MarianTranslator#open}: one engine per model folder, device and beam size
   * per JVM, its sessions using one intra-op thread (the engine serves every subtask).
   *
   * @param modelDir the model folder
   * @param device {@code cpu}, {@code cuda} or {@code cuda:N}
   * @param beamSize hypotheses per sentence
   */
  record Marian(String modelDir, String device, int beamSize) implements TranslatorFactory {
    private static final long serialVersionUID = 1L;

    /** Validates the settings. */
    public Marian {
      Objects.requireNonNull(modelDir, "modelDir");
      device = ExecutionDevice.parse(device).toString();
      if (beamSize < 1 || beamSize > 16) {
        throw new IllegalArgumentException("Marian beam size must be 1..16, was " + beamSize);
      }
    }

    @Override
    public String id() {
      return "marian:"
          + Path.of(modelDir).toAbsolutePath().normalize()
          + "@"
          + device
          + "/beam"
          + beamSize;
    }

    @Override
    public Translator create() {
      return MarianTranslator.open(
          MarianTranslatorConfig.builder(Path.of(modelDir))
              .device(ExecutionDevice.parse(device))
              .beamSize(beamSize)
              .build());
    }
  }
}
