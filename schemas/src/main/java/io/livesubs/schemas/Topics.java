package io.livesubs.schemas;

/**
 * Names of the Kafka topics livesubs reads and writes. Every topic is keyed by stream id, so all
 * records of one stream land on one partition.
 */
public final class Topics {

  /** Audio chunks from platforms ({@code AudioChunk}), key = stream id. */
  public static final String AUDIO = "livesubs.audio";

  /** Per-stream configuration ({@code StreamConfig}), compacted, key = stream id. */
  public static final String STREAMS = "livesubs.streams";

  /** Subtitle cues ({@code SubtitleCue}), compacted per cue identity, key = stream id. */
  public static final String CUES = "livesubs.cues";

  /** Records the job could not use ({@code DeadLetter}), with the reason. */
  public static final String AUDIO_DLQ = "livesubs.audio.dlq";

  private Topics() {}
}
