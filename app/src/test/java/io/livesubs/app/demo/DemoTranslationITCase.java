package io.livesubs.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs demo --input <English clip> --fast --translate es} end to end with the real
 * Apertium pair: Spanish subtitle files, Spanish journal lines and per-language counts appear, and
 * the run ends only after both languages' end-of-stream markers.
 */
class DemoTranslationITCase {

  private static final String CLIP =
      "eval/speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-0870.wav";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void anEnglishClipIsAlsoCaptionedInSpanish() throws IOException {
    Path clip = SharedFiles.require(CLIP);
    Assumptions.assumeTrue(
        ApertiumInstallation.system().resolve("en", "es").isPresent(),
        "Apertium en→es is not installed (apt-get install apertium apertium-eng-spa)");
    CliRun run =
        CliRun.of(
            "demo",
            "--input",
            clip.toString(),
            "--fast",
            "--translate",
            "es",
            "--out",
            out.toString(),
            "--http-port",
            "0",
            "--web-port",
            "0",
            "--end-timeout",
            "3m");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("lang=es"), "a player URL for Spanish: " + run.out());
    assertTrue(run.out().contains("end of stream (es)"), run.out());
    assertTrue(run.out().contains("end of stream (en)"), run.out());

    String vtt = Files.readString(out.resolve("demo.es.vtt"));
    assertTrue(vtt.startsWith("WEBVTT"), vtt);
    assertTrue(vtt.contains(" --> "), "at least one Spanish cue: " + vtt);
    assertTrue(Files.exists(out.resolve("demo.es.srt")));
    assertTrue(Files.exists(out.resolve("demo.en.vtt")));

    List<JsonNode> spanishFinals =
        Files.readAllLines(out.resolve(CueJournal.FILE_NAME)).stream()
            .map(DemoTranslationITCase::parse)
            .filter(j -> j.get("language").asText().equals("es") && j.get("final").asBoolean())
            .filter(j -> !j.get("text").asText().isBlank())
            .toList();
    assertFalse(spanishFinals.isEmpty(), "final Spanish lines in the journal");
    assertTrue(run.out().contains("[demo es "), "Spanish captions are printed: " + run.out());
    for (JsonNode line : spanishFinals) {
      String text = line.get("text").asText().replace('\n', ' ');
      assertTrue(run.out().contains(text), "each Spanish final is printed: " + text);
    }

    JsonNode summary = JSON.readTree(out.resolve(DemoOutputs.SUMMARY_FILE).toFile());
    assertTrue(summary.get("complete").asBoolean(), summary.toString());
    assertEquals(
        spanishFinals.stream().map(j -> j.get("seq").asLong()).distinct().count(),
        summary.at("/finalCuesByLanguage/es").asLong(),
        summary.toString());
    assertTrue(summary.at("/finalCuesByLanguage/en").asInt() > 0, summary.toString());
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
