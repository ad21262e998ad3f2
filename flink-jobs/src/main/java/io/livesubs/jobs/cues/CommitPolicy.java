package io.livesubs.jobs.cues;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** When {@link CueEmitter} makes an open segment's words final. */
public enum CommitPolicy {
  /** Only when the speech segment ends: every final cue waits for the whole phrase. */
  SEGMENT,
  /**
   * As soon as two consecutive partial hypotheses agree on a prefix that forms complete cues
   * (LocalAgreement-2); the rest becomes final when the segment ends.
   */
  AGREEMENT;

  /** The policy's name in configuration. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The policy named {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known policies
   */
  public static CommitPolicy of(String id) {
    String wanted = Objects.requireNonNull(id, "commit policy").strip();
    for (CommitPolicy p : values()) {
      if (p.id().equalsIgnoreCase(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown commit policy '"
            + id
            + "'; known: "
            + Arrays.stream(values()).map(CommitPolicy::id).toList());
  }
}
