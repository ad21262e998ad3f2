package io.livesubs.ingest.fault;

import io.livesubs.schemas.AudioChunk;

/** One record the {@link FaultInjector} asks to be sent, in the order it returns them. */
public sealed interface Emission permits Emission.Valid, Emission.Corrupt {

  /** The seq of the chunk this record stands for. */
  long seq();

  /** Send this chunk as a normal record. */
  record Valid(AudioChunk chunk) implements Emission {
    @Override
    public long seq() {
      return chunk.getSeq();
    }
  }

  /**
   * Send {@code value} as raw record bytes (they are not a valid serialized chunk) under key {@code
   * key}, in place of chunk {@code seq}. The array is owned by the emission; do not modify it.
   */
  record Corrupt(String key, long seq, byte[] value) implements Emission {}
}
