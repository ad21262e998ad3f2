package io.livesubs.jobs.speech;

import io.livesubs.inference.models.ModelLocator;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.inference.vad.VadConfig;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Settings of the speech detection stage: the segmentation parameters of {@link VadConfig} and
 * where the Silero VAD model is. Immutable and serializable (it travels inside the Flink function);
 * the constructor validates exactly like {@link VadConfig}, so a bad combination fails when the job
 * is configured, not on the cluster. Build with {@link #builder()}.
 *
 * @param startThreshold speech probability at which silence turns into speech, in (0, 1)
 * @param endThreshold probability below which speech counts as silent, in (0, startThreshold]
 * @param minSpeechMs voiced time needed before a segment is reported
 * @param minSilenceMs silence that ends a segment
 * @param speechPadMs padding before and after each segment, at most {@code minSilenceMs}
 * @param maxSegmentMs longest segment; longer speech is cut (preferably at a pause)
 * @param cutSearchMs the last part before {@code maxSegmentMs} in which a pause cuts early
 * @param modelFile the Silero VAD v5/v6 ONNX file, or {@code null} to let {@link ModelLocator} find
 *     it on the task manager
 */
public record VadSettings(
    float startThreshold,
    float endThreshold,
    int minSpeechMs,
    int minSilenceMs,
    int speechPadMs,
    int maxSegmentMs,
    int cutSearchMs,
    String modelFile)
    implements Serializable {

  /** Validates by building the {@link VadConfig}; the message names the bad setting. */
  public VadSettings {
    toVadConfig(
        startThreshold,
        endThreshold,
        minSpeechMs,
        minSilenceMs,
        speechPadMs,
        maxSegmentMs,
        cutSearchMs);
    if (modelFile != null && modelFile.isBlank()) {
      throw new IllegalArgumentException("VAD model file must not be blank (null: locate it)");
    }
  }

  /** The defaults of {@link VadConfig#DEFAULT}, model located automatically. */
  public static VadSettings defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The sample rate the VAD model needs. */
  public static int sampleRate() {
    return SileroVad.SAMPLE_RATE;
  }

  /** The segmentation parameters as the engine's config. */
  public VadConfig vadConfig() {
    return toVadConfig(
        startThreshold,
        endThreshold,
        minSpeechMs,
        minSilenceMs,
        speechPadMs,
        maxSegmentMs,
        cutSearchMs);
  }

  /**
   * Opens (or shares) the Silero VAD model: {@link #modelFile} if given, else where {@link
   * ModelLocator#fromEnvironment()} finds it.
   */
  public SileroVad openModel() {
    return SileroVad.open(
        ModelLocator.fromEnvironment().sileroVad(modelFile == null ? null : Path.of(modelFile)));
  }

  private static VadConfig toVadConfig(
      float start, float end, int minSpeech, int minSilence, int pad, int max, int cutSearch) {
    return VadConfig.builder()
        .startThreshold(start)
        .endThreshold(end)
        .minSpeechMs(minSpeech)
        .minSilenceMs(minSilence)
        .speechPadMs(pad)
        .maxSegmentMs(max)
        .cutSearchMs(cutSearch)
        .build();
  }

  /** Builds {@link VadSettings}; preset with the defaults. Not thread-safe. */
  public static final class Builder {
    private float startThreshold = VadConfig.DEFAULT.startThreshold();
    private float endThreshold = VadConfig.DEFAULT.endThreshold();
    private int minSpeechMs = VadConfig.DEFAULT.minSpeechMs();
    private int minSilenceMs = VadConfig.DEFAULT.minSilenceMs();
    private int speechPadMs = VadConfig.DEFAULT.speechPadMs();
    private int maxSegmentMs = VadConfig.DEFAULT.maxSegmentMs();
    private int cutSearchMs = VadConfig.DEFAULT.cutSearchMs();
    private String modelFile;

    private Builder() {}

    /** Speech start threshold, default 0.5. */
    public Builder startThreshold(float value) {
      startThreshold = value;
      return this;
    }

    /** Speech end threshold (hysteresis), default 0.35. */
    public Builder endThreshold(float value) {
      endThreshold = value;
      return this;
    }

    /** Minimum speech, default 250 ms. */
    public Builder minSpeechMs(int value) {
      minSpeechMs = value;
      return this;
    }

    /** Minimum silence that ends a segment, default 500 ms. */
    public Builder minSilenceMs(int value) {
      minSilenceMs = value;
      return this;
    }

    /** Padding around segments, default 200 ms. */
    public Builder speechPadMs(int value) {
      speechPadMs = value;
      return this;
    }

    /** Longest segment, default 12 s. */
    public Builder maxSegmentMs(int value) {
      maxSegmentMs = value;
      return this;
    }

    /** Zone before the maximum in which a pause cuts early, default 3 s. */
    public Builder cutSearchMs(int value) {
      cutSearchMs = value;
      return this;
    }

    /** The Silero model file, or null (default) to locate it. */
    public Builder modelFile(String value) {
      modelFile = value;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public VadSettings build() {
      return new VadSettings(
          startThreshold,
          endThreshold,
          minSpeechMs,
          minSilenceMs,
          speechPadMs,
          maxSegmentMs,
          cutSearchMs,
          modelFile);
    }
  }
}
