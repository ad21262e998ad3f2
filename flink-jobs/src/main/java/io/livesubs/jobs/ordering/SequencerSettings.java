package io.livesubs.jobs.ordering;

import java.io.Serializable;
import java.time.Duration;

/**
 * Limits of {@link ChunkSequencer}. Immutable.
 *
 * @param maxBufferedChunks most chunks one stream may hold waiting for a missing one; when a chunk
 *     would exceed it, the oldest missing slot is given up as a gap, so memory per stream stays
 *     bounded even if the watermark stalls
 * @param streamTimeout a stream whose newest capture time is this far behind the watermark is
 *     abandoned: its buffer is flushed, an END is emitted and its state is cleared
 * @param stateTtl processing-time TTL on the sequencer's state, a backstop for streams whose
 *     timeout cannot fire because this subtask's watermark stalls; {@link Duration#ZERO} turns it
 *     off. Keep it long: a restore after a longer outage would otherwise forget live streams
 * @param endOfStreamMargin when a stream's end-of-stream chunk waits behind a missing chunk, the
 *     missing slots are given up and the stream ended after the watermark's out-of-orderness plus
 *     this margin of processing time, even if the watermark never moves again
 */
public record SequencerSettings(
    int maxBufferedChunks, Duration streamTimeout, Duration stateTtl, Duration endOfStreamMargin)
    implements Serializable {

  /** Default bound on chunks buffered per stream. */
  public static final int DEFAULT_MAX_BUFFERED_CHUNKS = 256;

  /** Default stream timeout. */
  public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofHours(1);

  /** Default state TTL. */
  public static final Duration DEFAULT_STATE_TTL = Duration.ofHours(24);

  /** Default margin on top of the out-of-orderness before a waiting end of stream is released. */
  public static final Duration DEFAULT_END_OF_STREAM_MARGIN = Duration.ofSeconds(1);

  /** Checks the settings. */
  public SequencerSettings {
    if (maxBufferedChunks < 1) {
      throw new IllegalArgumentException(
          "maxBufferedChunks must be >= 1, got " + maxBufferedChunks);
    }
    if (streamTimeout == null || streamTimeout.isNegative() || streamTimeout.isZero()) {
      throw new IllegalArgumentException("streamTimeout must be positive, got " + streamTimeout);
    }
    if (stateTtl == null || stateTtl.isNegative()) {
      throw new IllegalArgumentException(
          "stateTtl must be zero (off) or positive, got " + stateTtl);
    }
    if (!stateTtl.isZero() && stateTtl.compareTo(streamTimeout) < 0) {
      throw new IllegalArgumentException(
          "stateTtl " + stateTtl + " must not be shorter than streamTimeout " + streamTimeout);
    }
    if (endOfStreamMargin == null || endOfStreamMargin.isNegative()) {
      throw new IllegalArgumentException(
          "endOfStreamMargin must be zero or positive, got " + endOfStreamMargin);
    }
  }

  /** Settings with {@link #DEFAULT_END_OF_STREAM_MARGIN}. */
  public SequencerSettings(int maxBufferedChunks, Duration streamTimeout, Duration stateTtl) {
    this(maxBufferedChunks, streamTimeout, stateTtl, DEFAULT_END_OF_STREAM_MARGIN);
  }

  /** 256 chunks, 1 h stream timeout, 24 h state TTL, 1 s end-of-stream margin. */
  public static SequencerSettings defaults() {
    return new SequencerSettings(
        DEFAULT_MAX_BUFFERED_CHUNKS, DEFAULT_STREAM_TIMEOUT, DEFAULT_STATE_TTL);
  }
}
