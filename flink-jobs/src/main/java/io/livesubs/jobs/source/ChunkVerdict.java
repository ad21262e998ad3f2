package io.livesubs.jobs.source;

import java.util.Objects;

/** What {@link AudioChunkValidator} decided about one chunk: accepted, or rejected with why. */
public sealed interface ChunkVerdict {

  /**
   * The chunk is usable.
   *
   * @param chunk the converted chunk
   */
  record Accepted(PcmChunk chunk) implements ChunkVerdict {
    /** Requires a chunk. */
    public Accepted {
      Objects.requireNonNull(chunk, "chunk");
    }
  }

  /**
   * The chunk is not usable.
   *
   * @param code machine-readable reason
   * @param reason what was wrong, in words, naming the offending value
   */
  record Rejected(RejectReason code, String reason) implements ChunkVerdict {
    /** Requires a code and a reason. */
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
