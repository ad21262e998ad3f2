package io.livesubs.inference.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.Word;
import io.livesubs.inference.asr.vosk.VoskEngine;
import io.livesubs.inference.eval.ErrorCounts;
import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.inference.testsupport.TestData;
import io.livesubs.inference.vad.SileroVad;
import io.livesubs.inference.vad.VadConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw engine benchmark on the first 81 s of the English long-form stream. Besides sane timings
 * it checks that the pipeline loop feeds ASR correctly: the transcript of the detected speech
 * matches the reference clips (WER measured about 0.10, asserted below 0.25) and word times fall
 * inside their segments.
 */
class RawEngineBenchmarkTest {
  private static final Logger LOG = LoggerFactory.getLogger(RawEngineBenchmarkTest.class);
  private static final double SECONDS = 81; // inside the 1 s gap after the clip ending at 80.5 s
  private static SileroVad vad;
  private static VoskEngine asr;

  @BeforeAll
  static void open() {
    vad = SileroVad.open(TestData.sileroModel());
    asr = VoskEngine.open(TestData.voskModel());
  }

  @AfterAll
  static void close() {
    if (asr != null) {
      asr.close();
    }
    if (vad != null) {
      vad.close();
    }
  }

  @Test
  void vadPlusAsrOverALongFormStream() {
    short[] pcm = TestData.slice(TestData.evalAudio("longform/en_dev_mix.wav"), 0, SECONDS);
    StringBuilder reference = new StringBuilder();
    for (String[] row : TestData.tsvRows(TestData.evalFile("longform/en_dev_mix.segments.tsv"))) {
      if (Double.parseDouble(row[1]) <= SECONDS) {
        reference.append(row[2]).append(' ');
      }
    }

    BenchmarkResult r = new RawEngineBenchmark(vad, VadConfig.DEFAULT, asr).run(pcm);
    LOG.info(
        "{} s audio: VAD {} x real time; VAD+ASR {} x real time; ASR {} x on {} s of speech",
        r.audioSeconds(),
        String.format("%.1f", r.vadXrt()),
        String.format("%.1f", r.pipelineXrt()),
        String.format("%.1f", r.asrSpeechXrt()),
        String.format("%.1f", r.speechSeconds()));

    assertEquals(SECONDS, r.audioSeconds(), 1e-9);
    assertTrue(r.segmentCount() >= 10, "segments: " + r.segmentCount());
    assertEquals(r.segmentCount(), r.segments().size());
    assertTrue(
        r.speechSeconds() > 0.7 * SECONDS && r.speechSeconds() < SECONDS,
        "speech " + r.speechSeconds());
    assertTrue(r.vadXrt() > r.pipelineXrt(), "VAD alone is faster than VAD + ASR");
    assertTrue(r.pipelineXrt() > 1.0, "faster than real time: " + r.pipelineXrt());
    assertTrue(r.asrWallSeconds() < r.pipelineWallSeconds());

    long previousEnd = 0;
    List<Word> words = new ArrayList<>();
    for (BenchmarkResult.Segment s : r.segments()) {
      assertTrue(s.startSample() >= previousEnd, "segments overlap at " + s.startSample());
      previousEnd = s.endSample();
      for (Word w : s.transcript().words()) {
        assertTrue(w.startMs() >= s.startSample() / 16 - 50, w + " before its segment");
        assertTrue(w.endMs() <= s.endSample() / 16 + 1_000, w + " long after its segment");
        words.add(w);
      }
    }
    for (int i = 1; i < words.size(); i++) {
      assertTrue(words.get(i).startMs() >= words.get(i - 1).startMs(), "word order at " + i);
    }
    ErrorCounts wer = WordErrorRate.compare(reference.toString(), r.text());
    LOG.info("Benchmark transcript WER {} {}", String.format("%.4f", wer.rate()), wer);
    assertTrue(wer.rate() < 0.25, "WER " + wer.rate());
  }

  @Test
  void vadOnlyRunHasNoAsrFigures() {
    short[] pcm = TestData.slice(TestData.evalAudio("longform/en_dev_mix.wav"), 0, 30);
    BenchmarkResult r = new RawEngineBenchmark(vad, VadConfig.DEFAULT, null).run(pcm);
    assertTrue(r.vadXrt() > 1.0);
    assertTrue(Double.isNaN(r.pipelineXrt()));
    assertTrue(r.segmentCount() >= 4);
    assertEquals(List.of(), r.segments());
    assertThrows(
        IllegalArgumentException.class,
        () -> new RawEngineBenchmark(vad, VadConfig.DEFAULT, null).run(new short[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RawEngineBenchmark(vad, VadConfig.DEFAULT, null, 0, 250));
  }
}
