package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.inference.eval.ErrorCounts;
import io.livesubs.inference.eval.WordErrorRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs demo --input <clip> --fast} from start to finish: it exits with 0, prints final
 * captions, and leaves subtitle files, the cue journal, the summary and the media file, each in its
 * format and consistent with the others.
 */
class DemoCommandITCase {

  private static final String CLIP =
      "eval/speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-0870.wav";
  private static final String REFERENCE =
      "and mister john dashwood had then leisure to consider how much there might be prudently"
          + " in his power to do for them";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void aShortClipGoesThroughTheWholeSystem() throws IOException {
    Path clip = SharedFiles.require(CLIP);
    CliRun run =
        CliRun.of(
            "demo",
            "--input",
            clip.toString(),
            "--fast",
            "--out",
            out.toString(),
            "--http-port",
            "0",
            "--web-port",
            "0",
            "--end-timeout",
            "5m");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("Flink web UI"), run.out());
    assertTrue(run.out().contains("player"), run.out());

    String vtt = Files.readString(out.resolve("demo.en.vtt"));
    assertTrue(vtt.startsWith("WEBVTT\n"), vtt);
    assertTrue(vtt.contains(" --> "), "at least one cue: " + vtt);
    String srt = Files.readString(out.resolve("demo.en.srt"));
    assertTrue(srt.startsWith("1\n"), srt);

    List<JsonNode> journal =
        Files.readAllLines(out.resolve(CueJournal.FILE_NAME)).stream().map(this::parse).toList();
    List<JsonNode> finals = journal.stream().filter(j -> j.get("final").asBoolean()).toList();
    assertTrue(!finals.isEmpty(), "final cues in the journal");
    for (JsonNode line : journal) {
      for (String field :
          List.of(
              "stream",
              "language",
              "seq",
              "revision",
              "startMs",
              "endMs",
              "text",
              "emittedAtMs",
              "captureTimeMs")) {
        assertTrue(line.has(field), field + " missing in " + line);
      }
      assertEquals("demo", line.get("stream").asText());
    }
    String finalText =
        finals.stream()
            .map(j -> j.get("text").asText().replace('\n', ' '))
            .collect(Collectors.joining(" "));
    ErrorCounts errors = WordErrorRate.compare(REFERENCE, finalText);
    assertTrue(errors.rate() < 0.15, "WER " + errors.rate() + ": " + finalText);
    for (JsonNode fin : finals) {
      assertTrue(
          run.out().contains(fin.get("text").asText().replace('\n', ' ')),
          "each final cue is printed: " + fin + "\n" + run.out());
    }

    JsonNode summary = JSON.readTree(out.resolve(DemoOutputs.SUMMARY_FILE).toFile());
    assertTrue(summary.get("complete").asBoolean(), summary.toString());
    assertEquals(finals.size(), summary.get("finalCues").asInt(), summary.toString());
    assertEquals(7.1, summary.get("audioSeconds").asDouble(), 0.05, summary.toString());
    assertTrue(summary.get("wallSeconds").asDouble() > 0, summary.toString());
    assertTrue(summary.has("realTimeFactor"), summary.toString());
    assertEquals(finals.size(), summary.at("/latencyMs/final/count").asInt(), summary.toString());
    for (String field : List.of("gaps", "duplicates", "late", "deadLetters")) {
      assertEquals(0, summary.get(field).asLong(), field + " of a clean run: " + summary);
    }
    assertTrue(
        summary.get("countersSource").asText().startsWith("Flink REST API"), summary.toString());

    assertEquals(
        44 + 2 * Math.round(summary.get("audioSeconds").asDouble() * 16_000),
        Files.size(out.resolve("media/demo.wav")),
        "the media file holds the audio that was sent");
  }

  private JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
