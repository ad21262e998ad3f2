package io.livesubs.jobs;

import io.livesubs.jobs.captions.ShapingRules;
import io.livesubs.jobs.cues.CommitSettings;
import io.livesubs.jobs.speech.AsrSettings;
import io.livesubs.jobs.speech.VadSettings;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the recognition stages of the job: speech detection ({@link VadSettings}), speech
 * recognition ({@link AsrSettings}) and caption shaping ({@link ShapingRules}). Immutable and
 * serializable; each part validates itself. {@link RecognitionOptions} reads them from {@code
 * key=value} options (a command line, job parameters).
 *
 * @param vad speech detection
 * @param asr speech recognition
 * @param shaping caption shaping of final cues (and line limits of partial cues)
 * @param commit when words of an open segment become final cues ({@link CommitSettings})
 */
public record RecognitionSettings(
    VadSettings vad, AsrSettings asr, ShapingRules shaping, CommitSettings commit)
    implements Serializable {

  private static final RecognitionSettings DEFAULTS =
      new RecognitionSettings(
          VadSettings.defaults(),
          AsrSettings.defaults(),
          ShapingRules.defaults(),
          CommitSettings.defaults());

  /** Checks that every part is present. */
  public RecognitionSettings {
    Objects.requireNonNull(vad, "vad");
    Objects.requireNonNull(asr, "asr");
    Objects.requireNonNull(shaping, "shaping");
    Objects.requireNonNull(commit, "commit");
  }

  /** Settings with the default commit policy (final cues from agreed prefixes). */
  public RecognitionSettings(VadSettings vad, AsrSettings asr, ShapingRules shaping) {
    this(vad, asr, shaping, CommitSettings.defaults());
  }

  /** Defaults throughout: Silero VAD and Vosk with located models, Netflix/BBC shaping rules. */
  public static RecognitionSettings defaults() {
    return DEFAULTS;
  }

  /**
   * These settings with {@code options} applied on top; see {@link RecognitionOptions} for keys.
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public RecognitionSettings withOptions(Map<String, String> options) {
    return RecognitionOptions.apply(this, options);
  }
}
