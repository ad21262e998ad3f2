package io.livesubs.sink.cue;

/**
 * The version of one cue identity (streamId, language, cueSeq): its revision and whether it is
 * final. Versions are totally ordered — any final version beats any partial one, then the higher
 * revision wins — so collapsing revisions keeps the maximum whatever the arrival order, and a
 * replay of the same records rebuilds the same timeline. Immutable.
 *
 * @param isFinal whether this version will not change again
 * @param revision 0 for the first version, incremented per revision
 */
public record CueVersion(boolean isFinal, int revision) implements Comparable<CueVersion> {

  /** What applying an incoming version to the stored one does. */
  public enum Decision {
    /** No version stored yet: store the incoming one. */
    INSERT,
    /** The incoming version is newer: it replaces the stored one. */
    REPLACE,
    /** Same version again (at-least-once redelivery): nothing changes. */
    DUPLICATE,
    /** Older than the stored version (out of order, or a partial after the final): ignored. */
    STALE
  }

  @Override
  public int compareTo(CueVersion other) {
    if (isFinal != other.isFinal) {
      return isFinal ? 1 : -1;
    }
    return Integer.compare(revision, other.revision);
  }

  /**
   * Decides what {@code incoming} does to {@code stored}.
   *
   * @param stored the stored version, or {@code null} when the cue is new
   */
  public static Decision decide(CueVersion stored, CueVersion incoming) {
    if (stored == null) {
      return Decision.INSERT;
    }
    int order = incoming.compareTo(stored);
    if (order > 0) {
      return Decision.REPLACE;
    }
    return order == 0 ? Decision.DUPLICATE : Decision.STALE;
  }
}
