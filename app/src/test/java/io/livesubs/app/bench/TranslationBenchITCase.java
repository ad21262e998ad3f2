package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.MediaFile;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import io.livesubs.ingest.audio.WavFileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs bench --translate es} end to end, small: one live stream of 20 s of English
 * speech through a job translating into Spanish with the real Apertium pair. Checks that both
 * phases produced figures and the last line parses; not what the figures are on a shared machine.
 */
class TranslationBenchITCase {

  static final Pattern LAST_LINE =
      Pattern.compile(
          "bench: translate=(\\S+) engine=(\\S+) sentences_per_s=([0-9.]+)"
              + " added_p50_s=([0-9.]+) added_p95_s=([0-9.]+) live_streams=(\\d+)");

  @Test
  void benchTranslatePrintsAddedLatencyAndThroughput(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        ApertiumInstallation.system().resolve("en", "es").isPresent(),
        "Apertium en→es is not installed (apt-get install apertium apertium-eng-spa)");
    Path mix = SharedFiles.require(BenchAudio.DEFAULT_FILE);
    Path input = dir.resolve("en_dev_mix_25s.wav");
    MediaFile.write(TestAudio.firstSamples(WavFileSource.open(mix), 25 * 16_000), input);

    CliRun run =
        CliRun.of(
            "bench",
            "--translate",
            "es",
            "--input",
            input.toString(),
            "--parallelism",
            "1",
            "--streams",
            "1",
            "--duration-s",
            "20");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    String last = lines.get(lines.size() - 1);
    Matcher m = LAST_LINE.matcher(last);
    assertTrue(m.matches(), last);
    assertEquals("es", m.group(1));
    assertEquals("apertium", m.group(2));
    assertTrue(Double.parseDouble(m.group(3)) > 0, "sentences per second: " + last);
    double p50 = Double.parseDouble(m.group(4));
    double p95 = Double.parseDouble(m.group(5));
    assertTrue(p50 >= 0 && p95 >= p50, "added latency 0 <= p50 <= p95: " + last);
    assertEquals("1", m.group(6));
    Matcher spanish =
        Pattern.compile("es\\s+(\\d+) cues\\s+added latency .*\\((\\d+) cues\\)")
            .matcher(run.out());
    assertTrue(spanish.find(), run.out());
    assertTrue(Integer.parseInt(spanish.group(1)) > 0, "Spanish cues came: " + spanish.group());
    assertEquals(
        spanish.group(1), spanish.group(2), "every Spanish cue's added latency was measured");
  }
}
