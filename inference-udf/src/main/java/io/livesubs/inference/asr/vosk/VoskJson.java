package io.livesubs.inference.asr.vosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.Transcript;
import io.livesubs.inference.asr.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Vosk's JSON results into {@link Transcript}s with absolute media times, so that no JSON
 * leaves the engine. Stateless and thread-safe.
 *
 * <p>Vosk word times are seconds since the recogniser was created (they keep counting across Vosk's
 * internal endpoints), so adding the segment's start offset makes them absolute.
 */
final class VoskJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private VoskJson() {}

  /** A final or endpointed result: {@code {"text": ..., "result": [words]}}. */
  static Transcript result(String json, AsrSessionConfig config) {
    return parse(json, "text", "result", config);
  }

  /** A partial result: {@code {"partial": ..., "partial_result": [words]}}. */
  static Transcript partial(String json, AsrSessionConfig config) {
    return parse(json, "partial", "partial_result", config);
  }

  /**
   * The words of a partial result without word times ({@code {"partial": "..."}}, what Vosk gives
   * when partial words are off: the decoder's best path so far), in order.
   */
  static List<String> partialText(String json) {
    String text = read(json).path("partial").asText("").strip();
    return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
  }

  private static JsonNode read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Vosk returned malformed JSON: " + json, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException("Vosk returned no JSON object: " + json);
    }
    return root;
  }

  private static Transcript parse(
      String json, String textField, String wordsField, AsrSessionConfig config) {
    JsonNode root = read(json);
    String text = root.path(textField).asText("");
    JsonNode items = root.path(wordsField);
    if (!items.isArray() || items.isEmpty()) {
      return text.isBlank() ? Transcript.EMPTY : new Transcript(text, List.of());
    }
    double baseMs = config.startSample() * 1000.0 / config.sampleRate();
    List<Word> words = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      String w = item.path("word").asText("").strip();
      if (w.isEmpty()) {
        continue;
      }
      long start = Math.round(baseMs + item.path("start").asDouble() * 1000.0);
      long end = Math.max(start, Math.round(baseMs + item.path("end").asDouble() * 1000.0));
      float conf = (float) Math.min(1.0, Math.max(0.0, item.path("conf").asDouble(1.0)));
      words.add(new Word(w, start, end, conf));
    }
    return new Transcript(text, words);
  }
}
