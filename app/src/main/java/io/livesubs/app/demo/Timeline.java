package io.livesubs.app.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cues of one (stream, language) as received so far, revisions collapsed: per cue only its
 * newest partial revision and, once it is final, its final text. Knows which revisions it has seen
 * (to drop redelivered ones) and whether the end-of-stream marker came. Not thread-safe; {@link
 * CueCollector} guards it.
 */
final class Timeline {

  /** What a revision did to the timeline. */
  enum Outcome {
    /** The same revision was received before (at-least-once redelivery); ignore it. */
    DUPLICATE,
    /** A partial revision older than one already seen, or of a cue already final; ignore it. */
    STALE,
    /** A newer partial caption of a cue. */
    PARTIAL,
    /** The cue became final with text. */
    FINAL,
    /** The cue became final without text: withdrawn. */
    WITHDRAWN,
    /** The end-of-stream marker. */
    ENDED,
    /** Another marker (progress); nothing changes. */
    MARKER
  }

  private final Set<String> seen = new HashSet<>();
  private final Map<Long, Integer> newestPartial = new HashMap<>();
  private final TreeMap<Long, CueRevision> finals = new TreeMap<>();
  private final Set<Long> withdrawn = new HashSet<>();
  private boolean ended;

  /** Applies one revision of this timeline. */
  Outcome apply(CueRevision cue) {
    if (cue.isMarker()) {
      if (cue.isEndOfStream()) {
        ended = true;
        return Outcome.ENDED;
      }
      return Outcome.MARKER;
    }
    if (!seen.add(cue.seq() + "/" + cue.revision())) {
      return Outcome.DUPLICATE;
    }
    if (finals.containsKey(cue.seq()) || withdrawn.contains(cue.seq())) {
      return Outcome.STALE;
    }
    if (cue.isFinal()) {
      newestPartial.remove(cue.seq());
      if (cue.isWithdrawn()) {
        withdrawn.add(cue.seq());
        return Outcome.WITHDRAWN;
      }
      finals.put(cue.seq(), cue);
      return Outcome.FINAL;
    }
    Integer newest = newestPartial.get(cue.seq());
    if (newest != null && newest > cue.revision()) {
      return Outcome.STALE;
    }
    newestPartial.put(cue.seq(), cue.revision());
    return Outcome.PARTIAL;
  }

  /** Whether the end-of-stream marker arrived. */
  boolean ended() {
    return ended;
  }

  /** The final cues with text, by cue seq. */
  List<CueRevision> finals() {
    return new ArrayList<>(finals.values());
  }

  /** Number of withdrawn cues. */
  int withdrawnCount() {
    return withdrawn.size();
  }
}
