package io.livesubs.inference.asr.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Word;
import io.livesubs.inference.eval.ErrorCounts;
import io.livesubs.inference.eval.TextNormalizer;
import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.inference.testsupport.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vosk (small en-us model) on real English speech from ../shared/eval/speech.tsv: LJ Speech,
 * LibriVox and Asterisk prompts (68 files, 430 s; the AMI clip is left out because its reference is
 * cut at the window edges).
 *
 * <p>Corpus WER measured 0.161-0.164 (numbers read out as digits, "five zero zero" for "500", are
 * the largest error source); asserted below 0.20.
 *
 * <p>Vosk 0.3.45 is not bit-deterministic: the same audio fed the same way sometimes decodes a
 * near-tie differently (about 1 file in 25 differs by one word between runs; alphacep/vosk-api
 * issues 868 and 1126). Block-size independence is therefore asserted as: at least 75 % of the
 * files give identical text and the word difference over all files is at most 3 %.
 */
class VoskEngineTest {
  private static final Logger LOG = LoggerFactory.getLogger(VoskEngineTest.class);
  private static final String ADMIN_MENU = "speech/en/asterisk/conf-adminmenu.wav";
  private static VoskEngine engine;

  @BeforeAll
  static void open() {
    engine = VoskEngine.open(TestData.voskModel());
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private record Clip(String file, String reference, short[] pcm) {}

  private static List<Clip> englishClips() {
    Path tsv = TestData.evalFile("speech.tsv");
    List<Clip> clips = new ArrayList<>();
    for (String[] row : TestData.tsvRows(tsv)) {
      String set = row[0].split("/")[2];
      if (row[2].equals("en")
          && List.of("ljspeech", "librivox_pocketsphinx", "asterisk").contains(set)) {
        clips.add(new Clip(row[0], row[3], TestData.evalAudio(row[0])));
      }
    }
    return clips;
  }

  private static AsrResult decode(short[] pcm, int block, long startSample) {
    try (AsrSession session =
        engine.openSession(AsrSessionConfig.builder().startSample(startSample).build())) {
      for (int i = 0; i < pcm.length; i += block) {
        session.acceptWaveform(pcm, i, Math.min(block, pcm.length - i));
      }
      return session.finish();
    }
  }

  @Test
  void englishCorpusWordErrorRateAndWordTimes() {
    List<Clip> clips = englishClips();
    assertTrue(clips.size() >= 60, "English clips found: " + clips.size());
    ErrorCounts total = ErrorCounts.ZERO;
    Map<String, ErrorCounts> bySet = new TreeMap<>();
    double audio = 0;
    long nanos = 0;
    long offset = 16_000L * 7_200; // media time 2 h: word times must be shifted by it
    for (Clip clip : clips) {
      long t0 = System.nanoTime();
      AsrResult result = decode(clip.pcm(), 1_600, offset);
      nanos += System.nanoTime() - t0;
      audio += clip.pcm().length / 16_000.0;
      ErrorCounts e = WordErrorRate.compare(clip.reference(), result.transcript().text());
      total = total.plus(e);
      bySet.merge(clip.file().split("/")[2], e, ErrorCounts::plus);

      long startMs = 7_200_000;
      long endMs = startMs + clip.pcm().length * 1000L / 16_000;
      assertEquals(startMs, result.startMs());
      assertEquals(endMs, result.endMs());
      long previousStart = startMs;
      for (Word w : result.transcript().words()) {
        assertTrue(w.startMs() >= previousStart, clip.file() + ": words out of order at " + w);
        assertTrue(w.endMs() <= endMs + 50, clip.file() + ": word after the audio: " + w);
        previousStart = w.startMs();
      }
      assertEquals(
          TextNormalizer.words(result.transcript().text()),
          result.transcript().words().stream().map(Word::text).toList(),
          "text and words agree");
    }
    double seconds = nanos / 1e9;
    LOG.info(
        "Vosk corpus WER {} {} on {} s of audio in {} s: {} x real time",
        String.format("%.4f", total.rate()),
        total,
        String.format("%.1f", audio),
        String.format("%.1f", seconds),
        String.format("%.1f", audio / seconds));
    bySet.forEach((set, e) -> LOG.info("  {}: WER {} {}", set, String.format("%.4f", e.rate()), e));
    assertTrue(total.rate() < 0.20, "corpus WER " + total.rate());
  }

  @Test
  void finalTextDoesNotDependOnBlockSizes() {
    List<Clip> clips = englishClips().subList(0, 24);
    int identical = 0;
    ErrorCounts difference = ErrorCounts.ZERO;
    for (Clip clip : clips) {
      String whole = decode(clip.pcm(), clip.pcm().length, 0).transcript().text();
      String small = decode(clip.pcm(), 777, 0).transcript().text();
      identical += whole.equals(small) ? 1 : 0;
      difference = difference.plus(WordErrorRate.compare(whole, small));
      if (!whole.equals(small)) {
        LOG.info("{}: one block '{}' vs 777-sample blocks '{}'", clip.file(), whole, small);
      }
    }
    LOG.info(
        "Block-size check: {}/{} identical, word difference {}",
        identical,
        clips.size(),
        difference.rate());
    assertTrue(identical >= clips.size() * 3 / 4, identical + "/" + clips.size() + " identical");
    assertTrue(difference.rate() <= 0.03, "word difference " + difference.rate());
  }

  @Test
  void partialHypothesesGrowWhileAudioArrives() {
    short[] pcm = TestData.evalAudio(ADMIN_MENU);
    try (AsrSession session = engine.openSession(AsrSessionConfig.builder().build())) {
      int nonEmpty = 0;
      int changed = 0;
      String stable = "";
      for (int i = 0; i < pcm.length; i += 1_600) {
        AsrUpdate u = session.acceptWaveform(pcm, i, Math.min(1_600, pcm.length - i));
        nonEmpty += u.unstable().isEmpty() ? 0 : 1;
        changed += u.changed() ? 1 : 0;
        assertTrue(u.stable().text().startsWith(stable), "stable text is never revised");
        stable = u.stable().text();
      }
      assertTrue(nonEmpty > 20, "partials seen: " + nonEmpty);
      assertTrue(changed > 10, "changes seen: " + changed);
      AsrResult result = session.finish();
      assertTrue(result.transcript().text().startsWith(stable));
      String reference =
          englishClips().stream()
              .filter(c -> c.file().equals(ADMIN_MENU))
              .findFirst()
              .orElseThrow()
              .reference();
      assertTrue(WordErrorRate.compare(reference, result.transcript().text()).rate() < 0.3);
    }
  }

  @Test
  void silenceGivesEmptyText() {
    AsrResult result = decode(new short[16_000 * 5], 1_600, 0);
    assertTrue(result.transcript().isEmpty(), result.toString());
    assertEquals(5_000, result.endMs());
  }

  @Test
  void lifeCycleAndLanguageChecks() {
    assertEquals("vosk:vosk-model-en-us", engine.name());
    assertTrue(engine.supportsLanguage("en-US"));
    assertTrue(engine.supportsLanguage("EN"));
    assertFalse(engine.supportsLanguage("es"));
    assertThrows(
        IllegalArgumentException.class,
        () -> engine.openSession(AsrSessionConfig.builder().language("fr").build()));

    AsrSession session = engine.openSession(AsrSessionConfig.builder().language("en").build());
    session.acceptWaveform(new short[3_200], 0, 3_200);
    assertEquals(3_200, session.samplesAccepted());
    session.finish();
    assertThrows(IllegalStateException.class, session::finish);
    assertThrows(IllegalStateException.class, () -> session.acceptWaveform(new short[1], 0, 1));
    session.close();
    session.close();

    AsrSession closed = engine.openSession(AsrSessionConfig.builder().build());
    closed.close();
    assertThrows(IllegalStateException.class, closed::finish);
  }

  @Test
  void enginesShareOneModelPerDirectory() throws Exception {
    Path dir = TestData.voskModel();
    int before = VoskEngine.sharedModelLeases(dir);
    VoskEngine second = VoskEngine.open(dir);
    assertEquals(before + 1, VoskEngine.sharedModelLeases(dir));
    second.close();
    second.close();
    assertEquals(before, VoskEngine.sharedModelLeases(dir));
    assertThrows(
        IllegalStateException.class, () -> second.openSession(AsrSessionConfig.builder().build()));
  }

  @Test
  void rejectsDirectoriesThatAreNotVoskModels() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VoskEngine.open(Path.of("target")));
    assertTrue(e.getMessage().contains("am/final.mdl"), e.getMessage());
  }
}
