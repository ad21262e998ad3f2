package io.livesubs.sink.topology;

/**
 * Told by the topology after a timeline changed (a cue version stored, or the end of stream), so
 * that live push can wake up instead of polling. Called on a Kafka Streams thread: implementations
 * must return at once and never block or throw.
 */
@FunctionalInterface
public interface CueChangeListener {

  /** Listener that does nothing. */
  CueChangeListener NONE = (streamId, language, changeSeq) -> {};

  /** The timeline (streamId, language) reached change number {@code changeSeq}. */
  void onChange(String streamId, String language, long changeSeq);
}
