package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.app.demo.CueCollector.CueStats;
import io.livesubs.app.demo.CueRevision.TimelineKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's files: subtitles per timeline, the cue journal and the summary. */
class DemoOutputsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CueRevision cue(long seq, long start, long end, String... lines) {
    return new CueRevision("demo", "en", seq, 1, true, start, end, List.of(lines), 5_000, 4_000);
  }

  @Test
  void subtitleFilesHoldTheFinalCuesOfEachTimeline() throws IOException {
    Map<TimelineKey, List<CueRevision>> timelines = new LinkedHashMap<>();
    timelines.put(
        new TimelineKey("demo", "en"),
        List.of(cue(0, 500, 2_000, "hello there"), cue(1, 2_500, 4_250, "a & b", "<c>")));
    List<Path> files = DemoOutputs.writeSubtitles(dir, timelines);
    assertEquals(List.of(dir.resolve("demo.en.vtt"), dir.resolve("demo.en.srt")), files);
    String vtt = Files.readString(dir.resolve("demo.en.vtt"));
    assertTrue(vtt.startsWith("WEBVTT\n"), vtt);
    assertTrue(vtt.contains("00:00:00.500 --> 00:00:02.000\nhello there\n"), vtt);
    assertTrue(vtt.contains("00:00:02.500 --> 00:00:04.250\na &amp; b\n&lt;c&gt;\n"), vtt);
    String srt = Files.readString(dir.resolve("demo.en.srt"));
    assertTrue(srt.startsWith("1\n00:00:00,500 --> 00:00:02,000\nhello there\n\n2\n"), srt);
  }

  @Test
  void theJournalHasOneJsonObjectPerRevision() throws IOException {
    try (CueJournal journal = new CueJournal(dir)) {
      journal.append(new CueRevision("s", "en", 4, 0, false, 10, 20, List.of("a"), 30, 25));
      journal.append(cue(4, 10, 40, "line one", "line two"));
    }
    List<String> lines = Files.readAllLines(dir.resolve(CueJournal.FILE_NAME));
    assertEquals(2, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals("s", first.get("stream").asText());
    assertEquals(4, first.get("seq").asInt());
    assertEquals(false, first.get("final").asBoolean());
    assertEquals(25, first.get("captureTimeMs").asLong());
    JsonNode second = JSON.readTree(lines.get(1));
    assertEquals("line one\nline two", second.get("text").asText());
    assertEquals(5_000, second.get("emittedAtMs").asLong());
  }

  @Test
  void theSummaryCarriesCountsLatenciesAndCounterSources() throws IOException {
    CueStats stats =
        new CueStats(12, 40, 1, 3, new LatencyStats(40, 300, 900, 1200), LatencyStats.EMPTY);
    JobCounters counters = new JobCounters(2, 3, 4, 5, 1, Map.of("DECODE_FAILED", 6L), "test");
    DemoSummary summary =
        new DemoSummary(
            "input.wav", 1, false, 20.0, 5.0, List.of(), stats, counters, Map.of("en", 9, "es", 3));
    JsonNode json = JSON.readTree(Files.readString(DemoOutputs.writeSummary(dir, summary)));
    assertEquals(20.0, json.get("audioSeconds").asDouble());
    assertEquals(0.25, json.get("realTimeFactor").asDouble());
    assertEquals("fast", json.get("pace").asText());
    assertTrue(json.get("complete").asBoolean());
    assertEquals(12, json.get("finalCues").asInt());
    assertEquals(3, json.at("/finalCuesByLanguage/es").asInt(), json.toString());
    assertEquals(900, json.at("/latencyMs/partial/p95").asLong());
    assertEquals(0, json.at("/latencyMs/final/count").asInt());
    assertEquals(2, json.get("gaps").asLong());
    assertEquals(4, json.get("duplicates").asLong());
    assertEquals(5, json.get("late").asLong());
    assertEquals(6, json.get("deadLetters").asLong());
    assertEquals(6, json.at("/deadLettersByReason/DECODE_FAILED").asLong());
    assertEquals("test", json.get("countersSource").asText());
  }
}
