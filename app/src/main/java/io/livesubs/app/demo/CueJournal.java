package io.livesubs.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code cues.jsonl}: one JSON object per line for each cue revision received, in arrival order,
 * flushed line by line so that it can be followed while the demo runs. Fields: {@code stream,
 * language, seq, revision, final, startMs, endMs, text} (display lines joined by {@code \n}),
 * {@code emittedAtMs, captureTimeMs}. Owns its file; {@link #close()} is idempotent. Thread-safe.
 */
public final class CueJournal implements AutoCloseable {

  /** File name of the journal in the output directory. */
  public static final String FILE_NAME = "cues.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedWriter writer;
  private boolean closed;

  /** Creates (or empties) {@code cues.jsonl} in {@code dir}. */
  public CueJournal(Path dir) throws IOException {
    this.writer = Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8);
  }

  /** Appends one line for {@code cue}. */
  public synchronized void append(CueRevision cue) {
    if (closed) {
      return;
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("stream", cue.stream());
    line.put("language", cue.language());
    line.put("seq", cue.seq());
    line.put("revision", cue.revision());
    line.put("final", cue.isFinal());
    line.put("startMs", cue.startMs());
    line.put("endMs", cue.endMs());
    line.put("text", String.join("\n", cue.lines()));
    line.put("emittedAtMs", cue.emittedAtMs());
    line.put("captureTimeMs", cue.captureTimeMs());
    try {
      writer.write(JSON.writeValueAsString(line));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE_NAME, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    writer.close();
  }
}
