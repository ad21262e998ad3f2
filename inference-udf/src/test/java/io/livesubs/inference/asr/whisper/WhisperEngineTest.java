package io.livesubs.inference.asr.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.AsrFeed;
import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.AsrUpdate;
import io.livesubs.inference.asr.Word;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine and its sessions over the scripted test model, whose windows are told apart by their
 * audio (tones). Covers the session plumbing: steps, LocalAgreement commits, media times,
 * block-size independence, batching of many feeds, language hints. Hallucination, repetition and
 * determinism on a real model are in {@link WhisperStandInEngineTest}.
 */
class WhisperEngineTest {
  private static final int STREAMS = 10;
  private static WhisperTokenizer tokenizer;
  private static WhisperToneScripts tones;
  private static List<String> texts;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 99);
    tones = new WhisperToneScripts(tokenizer, STREAMS);
    texts = IntStream.range(0, STREAMS).mapToObj(k -> " Stream " + k + " speaks now.").toList();
  }

  private static WhisperScriptedModel model(String language) {
    return new WhisperScriptedModel(tokenizer, tones.scripts(texts, language), tones::select);
  }

  private static WhisperEngine engine(WhisperScriptedModel model) {
    WhisperEngineConfig config =
        WhisperEngineConfig.builder()
            .assetsDir(WhisperTestFiles.tokenizerDir())
            .maxBatch(16)
            .maxWait(Duration.ofMillis(100))
            .build();
    return WhisperEngine.create(model, config);
  }

  private static AsrSessionConfig session(long startSample, String language) {
    return AsrSessionConfig.builder().startSample(startSample).language(language).build();
  }

  @Test
  void aSessionCommitsAgreedWordsAndFinishesWithTheWholeText() {
    WhisperScriptedModel model = model("en");
    try (WhisperEngine engine = engine(model)) {
      AsrSession s = engine.openSession(session(160_000, null));
      short[] audio = WhisperToneScripts.tone(3, 16_000 * 3 + 5_000);
      List<AsrUpdate> updates = new ArrayList<>();
      for (int off = 0; off < audio.length; off += 1600) {
        updates.add(s.acceptWaveform(audio, off, Math.min(1600, audio.length - off)));
      }
      AsrUpdate afterFirstStep = updates.get(9);
      assertTrue(afterFirstStep.changed());
      assertFalse(updates.get(8).changed(), "no decode before the first step");
      assertFalse(updates.get(10).changed(), "no decode between steps");
      assertEquals(afterFirstStep.hypothesis(), updates.get(10).hypothesis());
      assertEquals("", afterFirstStep.stable().text(), "one decode commits nothing");
      assertEquals("Stream 3 speaks now.", afterFirstStep.unstable().text());
      AsrUpdate afterSecondStep = updates.get(19);
      assertEquals("Stream 3 speaks now.", afterSecondStep.stable().text(), "two decodes agree");
      assertEquals("", afterSecondStep.unstable().text());
      assertFalse(updates.get(29).changed(), "later decodes add nothing");

      AsrResult result = s.finish();
      assertEquals("Stream 3 speaks now.", result.transcript().text());
      assertEquals(10_000, result.startMs());
      assertEquals(10_000 + audio.length / 16, result.endMs());
      for (Word w : result.transcript().words()) {
        assertTrue(w.startMs() >= 10_000 && w.endMs() <= 12_000, "media time of " + w);
      }
      assertThrows(IllegalStateException.class, () -> s.acceptWaveform(audio, 0, 10));
    }
  }

  @Test
  void resultsDoNotDependOnHowTheAudioIsSplit() {
    WhisperScriptedModel model = model("en");
    try (WhisperEngine engine = engine(model)) {
      short[] audio = WhisperToneScripts.tone(5, 16_000 * 4 + 123);
      AsrSession whole = engine.openSession(session(0, "en"));
      AsrUpdate wholeUpdate = whole.acceptWaveform(audio, 0, audio.length);
      AsrResult wholeResult = whole.finish();

      AsrSession pieces = engine.openSession(session(0, "en"));
      Random random = new Random(7);
      AsrUpdate last = null;
      for (int off = 0; off < audio.length; ) {
        int n = Math.min(audio.length - off, 1 + random.nextInt(9000));
        last = pieces.acceptWaveform(audio, off, n);
        off += n;
      }
      assertEquals(wholeUpdate.hypothesis(), last.hypothesis());
      assertEquals(wholeResult, pieces.finish());
    }
  }

  @Test
  void acceptWaveformsDecodesManyStreamsInOneBatchEachWithItsOwnText() {
    WhisperScriptedModel model = model("en");
    try (WhisperEngine engine = engine(model)) {
      List<AsrSession> sessions = new ArrayList<>();
      List<AsrFeed> feeds = new ArrayList<>();
      for (int k = 0; k < STREAMS; k++) {
        AsrSession s = engine.openSession(session(0, "en"));
        sessions.add(s);
        feeds.add(new AsrFeed(s, WhisperToneScripts.tone(k, 16_000), 0, 16_000));
      }
      List<AsrUpdate> updates = engine.acceptWaveforms(feeds);
      for (int k = 0; k < STREAMS; k++) {
        assertEquals(
            "Stream " + k + " speaks now.", updates.get(k).hypothesis().text(), "stream " + k);
      }
      assertTrue(model.batchSizes().contains(STREAMS), "one batch for all: " + model.batchSizes());
      assertEquals(STREAMS, engine.batchMetrics().windows());
      for (int k = 0; k < STREAMS; k++) {
        assertEquals("Stream " + k + " speaks now.", sessions.get(k).finish().transcript().text());
      }
    }
  }

  @Test
  void theLanguageHintIsFedAndWithoutOneTheLanguageIsDetected() {
    WhisperScriptedModel model = model("fr");
    int frenchToken = tokenizer.specials().languageToken("fr");
    int germanToken = tokenizer.specials().languageToken("de");
    try (WhisperEngine engine = engine(model)) {
      AsrSession hinted = engine.openSession(session(0, "de-AT"));
      hinted.acceptWaveform(WhisperToneScripts.tone(1, 16_000), 0, 16_000);
      assertEquals(germanToken, model.fedHistories().get(0)[1]);
      AsrSession detected = engine.openSession(session(0, null));
      detected.acceptWaveform(WhisperToneScripts.tone(2, 16_000), 0, 16_000);
      assertEquals(frenchToken, model.fedHistories().get(1)[1]);
      hinted.close();
      detected.close();
    }
  }

  @Test
  void rejectsWhatItCannotDo() {
    WhisperScriptedModel model = model("en");
    try (WhisperEngine engine = engine(model)) {
      assertTrue(engine.supportsLanguage("en-GB"));
      assertTrue(engine.supportsLanguage("haw"));
      assertFalse(engine.supportsLanguage("xx"));
      assertThrows(
          IllegalArgumentException.class,
          () -> engine.openSession(AsrSessionConfig.builder().sampleRate(8000).build()));
      assertThrows(IllegalArgumentException.class, () -> engine.openSession(session(0, "xx")));
      assertEquals("whisper:scripted", engine.name());
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WhisperEngine.create(
                model,
                WhisperEngineConfig.builder()
                    .assetsDir(WhisperTestFiles.tokenizerDir())
                    .language("klingon")
                    .build()));
    assertThrows(
        IllegalArgumentException.class,
        () -> WhisperEngineConfig.builder().maxBufferMs(29_900).build());
  }
}
