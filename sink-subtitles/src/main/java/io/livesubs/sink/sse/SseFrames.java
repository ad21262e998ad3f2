package io.livesubs.sink.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livesubs.sink.query.TimelineQueries.Change;
import io.livesubs.sink.topology.StoredCue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes Server-Sent-Events frames. A cue change is {@code event: cue} with the cue as JSON and
 * the timeline's change number as {@code id}; the end of stream is {@code event: end}. A client
 * that reconnects with {@code Last-Event-ID: n} receives the changes after n. Stateless and
 * thread-safe.
 */
public final class SseFrames {

  /** Name of cue events. */
  public static final String CUE_EVENT = "cue";

  /** Name of the end-of-stream event. */
  public static final String END_EVENT = "end";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SseFrames() {}

  /** The first frame: the reconnection delay, and a comment so the client sees the stream open. */
  public static byte[] opening(long retryMs) {
    return ascii("retry: " + retryMs + "\n: connected\n\n");
  }

  /** A heartbeat comment, keeping proxies from closing an idle stream. */
  public static byte[] heartbeat() {
    return ascii(": heartbeat\n\n");
  }

  /** The frame of one timeline change. */
  public static byte[] change(String streamId, String language, Change change) {
    ObjectNode data = MAPPER.createObjectNode().put("streamId", streamId).put("language", language);
    String event;
    if (change.endOfStream()) {
      event = END_EVENT;
      data.put("endMs", change.streamEndMs());
    } else {
      event = CUE_EVENT;
      StoredCue cue = change.cue();
      data.put("cueSeq", cue.cueSeq())
          .put("revision", cue.revision())
          .put("final", cue.finalCue())
          .put("startMs", cue.startMs())
          .put("endMs", cue.endMs())
          .put("text", String.join("\n", cue.lines()))
          .put("engine", cue.engine())
          .put("emittedAtMs", cue.emittedAtMs());
      cue.lines().forEach(data.putArray("lines")::add);
    }
    String json;
    try {
      json = MAPPER.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    // Jackson escapes line breaks inside strings, so the JSON is a single data line.
    return ("id: " + change.changeSeq() + "\nevent: " + event + "\ndata: " + json + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
