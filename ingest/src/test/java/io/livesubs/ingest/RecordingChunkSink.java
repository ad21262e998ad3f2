package io.livesubs.ingest;

import io.livesubs.schemas.AudioChunk;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link ChunkSink} for tests: keeps every record with the time it was sent. */
final class RecordingChunkSink implements ChunkSink {

  /** One record: a chunk, or raw bytes (chunk null). */
  record Sent(String key, AudioChunk chunk, byte[] raw, long nanoTime) {}

  private final List<Sent> sent = new ArrayList<>();
  private int flushes;
  private boolean closed;

  @Override
  public synchronized void send(AudioChunk chunk) {
    check();
    sent.add(new Sent(chunk.getStreamId(), chunk, null, System.nanoTime()));
  }

  @Override
  public synchronized void sendRaw(String key, byte[] value) {
    check();
    sent.add(new Sent(key, null, value, System.nanoTime()));
  }

  @Override
  public synchronized void flush() {
    check();
    flushes++;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized List<AudioChunk> chunks(String key) {
    List<AudioChunk> out = new ArrayList<>();
    for (Sent s : sent) {
      if (s.key().equals(key) && s.chunk() != null) {
        out.add(s.chunk());
      }
    }
    return out;
  }

  synchronized int flushes() {
    return flushes;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("sink closed");
    }
  }
}
