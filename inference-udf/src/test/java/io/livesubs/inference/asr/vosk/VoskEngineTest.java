package io.livesubs.inference.asr.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Transcript;
import io.livesubs.inference.asr.Word;
import io.livesubs.inference.eval.ErrorCounts;
import io.livesubs.inference.eval.TextNormalizer;
import io.livesubs.inference.eval.WordErrorRate;
import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
 * <p>Decoding is deterministic: with feature dithering off (the build appends {@code --dither=0.0}
 * to the model's {@code conf/mfcc.conf}; with Kaldi's default dither the same audio decoded
 * differently between runs) and the session's fixed decode chunks, the same audio gives exactly the
 * same updates and final words, times and confidences, whatever blocks it arrives in and however
 * often it is decoded. The tests below demand exact equality.
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
  void finalResultDoesNotDependOnBlockSizes() {
    List<Clip> clips = englishClips().subList(0, 24);
    for (Clip clip : clips) {
      AsrResult whole = decode(clip.pcm(), clip.pcm().length, 0);
      AsrResult small = decode(clip.pcm(), 777, 0);
      assertFalse(whole.transcript().words().isEmpty(), clip.file() + ": nothing recognised");
      assertEquals(whole, small, clip.file() + ": one block vs 777-sample blocks");
    }
  }

  @Test
  void decodingTheSameAudioTwiceGivesTheSameUpdatesAndResult() {
    List<Clip> clips = englishClips().subList(24, 36);
    for (Clip clip : clips) {
      List<Object> first = decodeWithUpdates(clip.pcm());
      List<Object> second = decodeWithUpdates(clip.pcm());
      assertTrue(first.size() > 2, clip.file() + ": too few updates " + first.size());
      assertEquals(first, second, clip.file() + ": second decoding differs");
    }
  }

  /** Every update of a session fed in 100 ms blocks, then its final result. */
  private static List<Object> decodeWithUpdates(short[] pcm) {
    List<Object> outputs = new ArrayList<>();
    try (AsrSession session = engine.openSession(AsrSessionConfig.builder().build())) {
      for (int i = 0; i < pcm.length; i += 1_600) {
        outputs.add(session.acceptWaveform(pcm, i, Math.min(1_600, pcm.length - i)));
      }
      outputs.add(session.finish());
    }
    return outputs;
  }

  @Test
  void provisionedModelDoesNotDitherItsFeatures() throws Exception {
    List<String> config =
        Files.readAllLines(TestData.voskModel().resolve(FeatureDither.CONFIG_FILE));
    List<String> dithers = config.stream().filter(l -> l.strip().startsWith("--dither")).toList();
    assertFalse(dithers.isEmpty(), "no --dither line in the provisioned model: " + config);
    assertEquals(
        0.0,
        Double.parseDouble(dithers.get(dithers.size() - 1).split("=", 2)[1]),
        "the last --dither line wins in Kaldi: " + dithers);
  }

  @Test
  void refusesAModelThatDithersUnlessAllowed() throws Exception {
    Path model = TestData.voskModel();
    // The model's files, linked, except for a feature config of our own. Under target/ rather
    // than a JUnit temp dir, which warns about every link to a file outside it.
    Path copy =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "vosk-dithered-")
            .resolve("vosk-model-en-us");
    try {
      checkDitherRefusal(model, copy);
    } finally {
      deleteWithoutFollowingLinks(copy.getParent());
    }
  }

  private static void checkDitherRefusal(Path model, Path copy) throws Exception {
    Path config = copy.resolve(FeatureDither.CONFIG_FILE);
    Files.createDirectories(config.getParent());
    for (Path dir : List.of(model, model.resolve("conf"))) {
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path entry : entries.toList()) {
          Path link = copy.resolve(model.relativize(entry));
          if (!Files.exists(link) && !link.equals(config)) {
            Files.createSymbolicLink(link, entry);
          }
        }
      }
    }
    List<String> withoutDither =
        Files.readAllLines(model.resolve(FeatureDither.CONFIG_FILE)).stream()
            .filter(l -> !l.contains("--dither"))
            .toList();
    Files.write(config, withoutDither);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> VoskEngine.open(copy));
    assertTrue(e.getMessage().contains("--dither=0.0"), e.getMessage());
    assertTrue(e.getMessage().contains(config.toRealPath().toString()), e.getMessage());

    Files.writeString(config, "--dither=0.0\n--dither=0.5\n", StandardOpenOption.APPEND);
    assertThrows(IllegalArgumentException.class, () -> VoskEngine.open(copy));

    try (VoskEngine dithered = VoskEngine.builder().modelDir(copy).allowDither(true).build();
        AsrSession session = dithered.openSession(AsrSessionConfig.builder().build())) {
      session.acceptWaveform(new short[16_000], 0, 16_000);
      assertTrue(session.finish().transcript().isEmpty(), "silence gives no words");
    }
  }

  private static void deleteWithoutFollowingLinks(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
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

  /** The hypotheses of the updates that computed one, feeding {@code pcm} in {@code block}s. */
  private static List<Transcript> computed(short[] pcm, int block) {
    List<Transcript> computed = new ArrayList<>();
    AsrSessionConfig config = AsrSessionConfig.builder().partialIntervalMs(200).build();
    try (AsrSession session = engine.openSession(config)) {
      AsrUpdate previous = AsrUpdate.NONE;
      for (int i = 0; i < pcm.length; i += block) {
        AsrUpdate u = session.acceptWaveform(pcm, i, Math.min(block, pcm.length - i));
        if (u.computed()) {
          computed.add(u.hypothesis());
        } else {
          assertFalse(u.changed(), "a changed hypothesis was computed: " + u);
          assertEquals(previous.hypothesis(), u.hypothesis(), "nothing computed, nothing new");
        }
        previous = u;
      }
    }
    return computed;
  }

  @Test
  void aHypothesisIsComputedOnTheNewestAudioOncePerInterval() {
    short[] pcm = TestData.evalAudio(ADMIN_MENU);
    // 200 ms blocks and a 200 ms interval: every call computes one, on the audio it brought.
    List<Transcript> computed = computed(pcm, 3_200);
    assertEquals(pcm.length / 3_200, computed.size(), "one hypothesis per whole interval");
    long repeats =
        IntStream.range(1, computed.size())
            .filter(i -> computed.get(i).equals(computed.get(i - 1)))
            .count();
    assertTrue(repeats >= 5, "unchanged hypotheses are reported too: " + repeats);
    assertEquals(computed, computed(pcm, 3_200), "the same blocks, the same hypotheses");
    // 100 ms blocks: about every other call, none computed for a caller to throw away.
    int calls = (pcm.length + 1_599) / 1_600;
    int halves = computed(pcm, 1_600).size();
    assertTrue(halves > calls * 0.4 && halves < calls * 0.6, halves + " of " + calls + " calls");
  }

  @Test
  void theBestPathHearsWordsAheadOfTheTimedHypothesis() {
    short[] pcm = TestData.evalAudio(ADMIN_MENU);
    AsrSessionConfig config = AsrSessionConfig.builder().partialIntervalMs(200).build();
    int ahead = 0;
    int computed = 0;
    try (AsrSession session = engine.openSession(config)) {
      for (int i = 0; i < pcm.length; i += 3_200) {
        AsrUpdate u = session.acceptWaveform(pcm, i, Math.min(3_200, pcm.length - i));
        computed += u.computed() ? 1 : 0;
        if (u.wordsAhead() > 0) {
          ahead++;
          assertFalse(u.unstable().words().isEmpty(), "ahead of nothing: " + u);
        }
      }
    }
    // Kaldi's best path runs about a word ahead of its determinized lattice while someone speaks.
    assertTrue(ahead >= computed / 5, ahead + " of " + computed + " hypotheses had words ahead");
    try (VoskEngine untimed =
            VoskEngine.builder().modelDir(TestData.voskModel()).partialWords(false).build();
        AsrSession session = untimed.openSession(config)) {
      for (int i = 0; i < pcm.length; i += 3_200) {
        AsrUpdate u = session.acceptWaveform(pcm, i, Math.min(3_200, pcm.length - i));
        assertEquals(0, u.wordsAhead(), "without word times the partial is the best path itself");
      }
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
