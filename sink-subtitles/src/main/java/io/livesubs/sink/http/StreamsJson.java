package io.livesubs.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livesubs.sink.topology.TimelineState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON views of streams: {@code {"streamId", "state": "live"|"ended", "languages": [...],
 * "timelines": [{"language", "state", "cues", "finalCues", "mediaMs", "finalisedMs",
 * "lastEventId"}]}}. A stream is ended when all its languages ended. Stateless and thread-safe.
 */
final class StreamsJson {

  private StreamsJson() {}

  /** One object per stream, ordered by stream id. */
  static ArrayNode streams(List<TimelineState> timelines) {
    Map<String, List<TimelineState>> byStream = new LinkedHashMap<>();
    timelines.stream()
        .sorted(Comparator.comparing(TimelineState::streamId))
        .forEach(t -> byStream.computeIfAbsent(t.streamId(), id -> new ArrayList<>()).add(t));
    ArrayNode out = HttpResponses.JSON.createArrayNode();
    byStream.forEach((id, list) -> out.add(stream(id, list)));
    return out;
  }

  /** The object of one stream. */
  static ObjectNode stream(String streamId, List<TimelineState> timelines) {
    ObjectNode node = HttpResponses.JSON.createObjectNode().put("streamId", streamId);
    boolean ended = timelines.stream().allMatch(TimelineState::ended);
    node.put("state", ended ? "ended" : "live");
    ArrayNode languages = node.putArray("languages");
    ArrayNode details = node.putArray("timelines");
    for (TimelineState t : timelines) {
      languages.add(t.language());
      details
          .addObject()
          .put("language", t.language())
          .put("state", t.ended() ? "ended" : "live")
          .put("cues", t.cueCount())
          .put("finalCues", t.finalCueCount())
          .put("mediaMs", t.mediaMs())
          .put("finalisedMs", t.finalisedMs())
          .put("lastEventId", t.lastChangeSeq());
    }
    return node;
  }

  /** Merges stream lists from several instances (each stream is owned by one of them). */
  static ArrayNode merge(List<JsonNode> lists) {
    Map<String, JsonNode> byStream = new java.util.TreeMap<>();
    for (JsonNode list : lists) {
      list.forEach(stream -> byStream.putIfAbsent(stream.path("streamId").asText(), stream));
    }
    ArrayNode out = HttpResponses.JSON.createArrayNode();
    byStream.values().forEach(out::add);
    return out;
  }
}
