package io.livesubs.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livesubs.app.demo.CueRevision.TimelineKey;
import io.livesubs.sink.format.Cue;
import io.livesubs.sink.format.SrtWriter;
import io.livesubs.sink.format.WebVttWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo's result files: {@code <stream>.<language>.vtt} and {@code .srt} of the final
 * cues (with the writers of {@code sink-subtitles}), and {@code summary.json}. Files are replaced
 * if present. Stateless and thread-safe.
 */
public final class DemoOutputs {

  /** File name of the summary in the output directory. */
  public static final String SUMMARY_FILE = "summary.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DemoOutputs() {}

  /**
   * Writes one WebVTT and one SubRip file per timeline.
   *
   * @return the files written
   */
  public static List<Path> writeSubtitles(Path dir, Map<TimelineKey, List<CueRevision>> timelines)
      throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<TimelineKey, List<CueRevision>> timeline : timelines.entrySet()) {
      List<Cue> cues =
          timeline.getValue().stream()
              .map(c -> new Cue(Long.toString(c.seq()), c.startMs(), c.endMs(), c.lines()))
              .toList();
      String base = timeline.getKey().stream() + "." + timeline.getKey().language();
      written.add(write(dir.resolve(base + ".vtt"), WebVttWriter.document(cues)));
      written.add(write(dir.resolve(base + ".srt"), SrtWriter.document(cues)));
    }
    return written;
  }

  /** Writes {@code summary.json}; see {@link #toJson} for its fields. */
  public static Path writeSummary(Path dir, DemoSummary summary) throws IOException {
    return write(dir.resolve(SUMMARY_FILE), JSON.writeValueAsString(toJson(summary)) + "\n");
  }

  /** The summary as JSON: flat counts, latency percentiles, the job's counters and their source. */
  static ObjectNode toJson(DemoSummary s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("input", s.input());
    root.put("streams", s.streams());
    root.put("pace", s.realtime() ? "realtime" : "fast");
    root.put("complete", s.complete());
    root.putPOJO("streamsNotEnded", s.streamsNotEnded());
    root.put("audioSeconds", round(s.audioSeconds()));
    root.put("wallSeconds", round(s.wallSeconds()));
    root.put("realTimeFactor", round(s.realTimeFactor()));
    root.put("finalCues", s.cues().finalCues());
    root.putPOJO("finalCuesByLanguage", s.finalCuesByLanguage());
    root.put("partialRevisions", s.cues().partialRevisions());
    root.put("withdrawnCues", s.cues().withdrawnCues());
    root.put("duplicateCueRecords", s.cues().duplicateRecords());
    ObjectNode latency = root.putObject("latencyMs");
    latency.put("definition", "emittedAtMs - captureTimeMs of each cue revision");
    latency.set("partial", latency(s.cues().partialLatency()));
    latency.set("final", latency(s.cues().finalLatency()));
    JobCounters job = s.job();
    root.put("gaps", job.gaps());
    root.put("missingChunks", job.missingChunks());
    root.put("duplicates", job.duplicateChunks());
    root.put("late", job.lateChunks());
    root.put("deadLetters", job.deadLetterTotal());
    root.putPOJO("deadLettersByReason", job.deadLetters());
    root.put("countersSource", job.source());
    root.put("deadLettersSource", "records in the dead-letter topic");
    return root;
  }

  private static ObjectNode latency(LatencyStats stats) {
    ObjectNode node = JSON.createObjectNode();
    node.put("count", stats.count());
    node.put("p50", stats.p50Ms());
    node.put("p95", stats.p95Ms());
    node.put("max", stats.maxMs());
    return node;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
