package io.livesubs.jobs.translation;

import java.util.Arrays;
import java.util.Objects;

/**
 * One update of a stream's translation targets, read from the compacted {@code StreamConfig} topic:
 * the new target languages, or a reset to the job's defaults (a tombstone). Broadcast to every
 * {@link TranslationPlanner} subtask. Public and a record only because Flink serializes it as a
 * POJO; treat the array as read-only. Immutable by convention; thread-safe.
 *
 * @param streamId the stream the update is for
 * @param reset true for a tombstone: the stream goes back to the default targets
 * @param targetLanguages BCP-47 targets (empty when {@code reset}); may be empty: no translation
 */
public record StreamTargets(String streamId, boolean reset, String[] targetLanguages) {

  /** Checks the fields. */
  public StreamTargets {
    Objects.requireNonNull(streamId, "streamId");
    Objects.requireNonNull(targetLanguages, "targetLanguages");
  }

  /** The stream now wants exactly {@code targets}. */
  public static StreamTargets of(String streamId, String... targets) {
    return new StreamTargets(streamId, false, targets.clone());
  }

  /** The stream's config was deleted: back to the job's default targets. */
  public static StreamTargets resetToDefault(String streamId) {
    return new StreamTargets(streamId, true, new String[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamTargets other
        && streamId.equals(other.streamId)
        && reset == other.reset
        && Arrays.equals(targetLanguages, other.targetLanguages);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(streamId, reset) + Arrays.hashCode(targetLanguages);
  }

  @Override
  public String toString() {
    return "StreamTargets["
        + streamId
        + (reset ? ", reset" : ", " + Arrays.toString(targetLanguages))
        + "]";
  }
}
