package io.livesubs.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.demo.MediaFile;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import io.livesubs.app.testing.TestAudio;
import io.livesubs.ingest.audio.WavFileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs bench} end to end, small: the first 20 s of the long-form English recording,
 * parallelism 1, two live streams of 10 s, a 10 s backlog window, on a real local stack (Kafka,
 * registry, Flink) with the real models. It checks that every phase produced its figure and that
 * the last line is the machine-readable one, not what the figures are on a shared machine.
 */
class BenchCommandITCase {

  @Test
  void benchPrintsEveryPhaseAndAParsableLastLine(@TempDir Path dir) throws Exception {
    Path mix = SharedFiles.require(BenchAudio.DEFAULT_FILE);
    Path input = dir.resolve("en_dev_mix_20s.wav");
    MediaFile.write(TestAudio.firstSamples(WavFileSource.open(mix), 20 * 16_000), input);

    CliRun run =
        CliRun.of(
            "bench",
            "--input",
            input.toString(),
            "--parallelism",
            "1",
            "--streams",
            "2",
            "--duration-s",
            "10",
            "--backlog-s",
            "10");

    assertEquals(0, run.exitCode(), run.out() + run.err());
    List<String> lines = run.out().lines().toList();
    String last = lines.get(lines.size() - 1);
    Matcher m = BenchReportTest.LAST_LINE.matcher(last);
    assertTrue(m.matches(), last);
    double raw = Double.parseDouble(m.group(1));
    double pipeline = Double.parseDouble(m.group(2));
    assertTrue(raw > 1, "raw engines faster than real time: " + last);
    assertTrue(pipeline > 1, "pipeline faster than real time: " + last);
    assertEquals(pipeline / raw, Double.parseDouble(m.group(3)), 0.01 + 0.01 * pipeline / raw);
    assertEquals("2", m.group(4));
    assertTrue(Double.parseDouble(m.group(6)) > 0, "final-cue p95: " + last);
    assertTrue(Double.parseDouble(m.group(7)) > 0, "backlog heap: " + last);
    String all = run.out();
    for (String phase : List.of("(a) raw engines", "(b) whole pipeline", "(c) 2 live", "(d)")) {
      assertTrue(all.contains(phase), phase + " missing:\n" + all);
    }
  }
}
