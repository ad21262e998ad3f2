package io.livesubs.inference.asr.whisper.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.asr.whisper.WhisperScriptedModel;
import io.livesubs.inference.asr.whisper.WhisperScriptedModel.Script;
import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The greedy decoder over a scripted test model (crafted logits, not the real ONNX model; the
 * engine tests use the stand-in model).
 */
class GreedyDecoderTest {
  private static WhisperTokenizer tokenizer;
  private static WhisperSpecialTokens sp;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = WhisperTokenizer.multilingual(WhisperTestFiles.asset("multilingual.tiktoken"), 99);
    sp = tokenizer.specials();
  }

  private static int[] seq(Object... parts) {
    List<Integer> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Integer i) {
        out.add(i);
      } else {
        for (int t : tokenizer.encode((String) p)) {
          out.add(t);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int ts(double s) {
    return sp.timestampToken(s);
  }

  private static List<WindowResult> decode(
      WhisperScriptedModel model, List<Integer> scripts, List<DecodeRequest> requests) {
    GreedyDecoder decoder = new GreedyDecoder(tokenizer, model.config());
    List<float[]> mels = scripts.stream().map(WhisperScriptedModel::window).toList();
    try (DecoderBatch batch = model.startBatch(mels)) {
      return decoder.decode(batch, requests);
    }
  }

  private static DecodeRequest request(String language) {
    return new DecodeRequest(DecodePrefix.transcribe(language), DecodeOptions.DEFAULTS, 5.0);
  }

  @Test
  void decodesTextWithSegmentTimesAndStatistics() {
    int[] out = seq(ts(0), " Hello there.", ts(1.5), ts(1.5), " Bye.", ts(2.4));
    WhisperScriptedModel model =
        new WhisperScriptedModel(tokenizer, List.of(Script.speech("en", out)));
    WindowResult r = decode(model, List.of(0), List.of(request("en"))).get(0);

    assertFalse(r.dropped(), () -> "dropped: " + r.dropReason());
    assertEquals("Hello there. Bye.", r.text());
    assertEquals(FinishReason.END_OF_TEXT, r.finishReason());
    assertEquals(Arrays.stream(out).boxed().toList(), r.tokens());
    assertEquals(2, r.segments().size());
    assertEquals(1.5, r.segments().get(0).endSeconds(), 1e-9);
    assertEquals(2.4, r.segments().get(1).endSeconds(), 1e-9);
    assertEquals(
        List.of("Hello", "there.", "Bye."), r.words().stream().map(DecodedWord::text).toList());
    assertEquals("en", r.language());
    assertTrue(r.avgLogprob() > -0.01 && r.avgLogprob() <= 0, "confident: " + r.avgLogprob());
    assertTrue(r.noSpeechProbability() < 1e-6);
    assertEquals(CompressionRatio.of("Hello there. Bye."), r.compressionRatio(), 1e-12);

    int[] fed = model.fedHistories().get(0);
    int[] prefix = tokenizer.sotSequence("en", null, true);
    prefix = IntStream.concat(IntStream.of(prefix), IntStream.of(sp.transcribe())).toArray();
    assertArrayEquals(prefix, Arrays.copyOf(fed, prefix.length), "forced prefix");
  }

  @Test
  void detectsTheLanguageAtTheStartOfTranscriptWhenNoneIsGiven() {
    int[] out = seq(ts(0), " Hola.", ts(1));
    WhisperScriptedModel model =
        new WhisperScriptedModel(tokenizer, List.of(Script.speech("es", out)));
    WindowResult r = decode(model, List.of(0), List.of(request(null))).get(0);
    assertEquals("es", r.language());
    assertTrue(r.languageProbability() > 0.99);
    assertEquals(sp.languageToken("es"), model.fedHistories().get(0)[1], "detected language fed");
    assertEquals("Hola.", r.text());

    // A hint wins over what the model would detect.
    WindowResult hinted = decode(model, List.of(0), List.of(request("de"))).get(0);
    assertEquals("de", hinted.language());
    assertEquals(sp.languageToken("de"), model.fedHistories().get(1)[1]);
  }

  @Test
  void rowsWithDifferentPrefixLengthsDecodeAsTheyWouldAlone() {
    List<Script> scripts =
        List.of(
            Script.speech("en", seq(ts(0), " First row.", ts(1))),
            Script.speech("fr", seq(ts(0.2), " Deuxième", ts(0.9), ts(0.9), " ligne.", ts(2))),
            Script.speech("en", seq(ts(0), " Third one is a little longer than the rest.", ts(3))));
    List<Integer> previous = Arrays.stream(seq(" some earlier committed text")).boxed().toList();
    List<DecodeRequest> requests =
        List.of(
            request("en"),
            new DecodeRequest(
                DecodePrefix.transcribe(null).withPrevious(previous), DecodeOptions.DEFAULTS, 4),
            request(null));
    WhisperScriptedModel model = new WhisperScriptedModel(tokenizer, scripts);
    List<WindowResult> together = decode(model, List.of(0, 1, 2), requests);
    for (int i = 0; i < scripts.size(); i++) {
      WindowResult alone = decode(model, List.of(i), List.of(requests.get(i))).get(0);
      assertEquals(alone, together.get(i), "row " + i);
    }
    assertEquals("Deuxième ligne.", together.get(1).text());
    int[] fedWithPrompt = model.fedHistories().get(1);
    assertEquals(sp.startOfPrev(), fedWithPrompt[0]);
    assertEquals(previous.get(0), fedWithPrompt[1]);
    assertEquals(sp.startOfTranscript(), fedWithPrompt[previous.size() + 1]);
  }

  @Test
  void previousTextIsCutToTheLastHalfContextTokens() {
    List<Integer> longPrompt = IntStream.range(0, 400).map(i -> 100 + i).boxed().toList();
    DecodeRequest r =
        new DecodeRequest(
            DecodePrefix.transcribe("en").withPrevious(longPrompt), DecodeOptions.DEFAULTS, 1);
    WhisperScriptedModel model = new WhisperScriptedModel(tokenizer, List.of());
    int[] forced = new GreedyDecoder(tokenizer, model.config()).forcedTokens(r);
    assertEquals(1 + 223 + 3, forced.length);
    assertEquals(sp.startOfPrev(), forced[0]);
    assertEquals(100 + 400 - 223, forced[1]);
    DecodeRequest bad =
        new DecodeRequest(
            DecodePrefix.transcribe("en").withPrevious(List.of(sp.endOfText())),
            DecodeOptions.DEFAULTS,
            1);
    assertThrows(
        IllegalArgumentException.class,
        () -> new GreedyDecoder(tokenizer, model.config()).forcedTokens(bad));
  }

  @Test
  void aTextFirstScriptIsForcedToStartWithAnEarlyTimestamp() {
    WhisperScriptedModel model =
        new WhisperScriptedModel(
            tokenizer, List.of(Script.speech("en", seq(" no timestamp", ts(2)))));
    WindowResult r = decode(model, List.of(0), List.of(request("en"))).get(0);
    int first = r.tokens().get(0);
    assertTrue(sp.isTimestamp(first), "first sampled token " + first);
    assertTrue(sp.timestampSeconds(first) <= 1.0, "initial timestamp within 1 s");
  }

  @Test
  void silenceWithHighNoSpeechProbabilityGivesNothing() {
    int[] out = seq(ts(0), " Thanks for watching!", ts(2));
    Script silence = new Script(out, "en", WhisperScriptedModel.PEAK + 5, 8f);
    WhisperScriptedModel model = new WhisperScriptedModel(tokenizer, List.of(silence));
    WindowResult r = decode(model, List.of(0), List.of(request("en"))).get(0);
    assertTrue(r.noSpeechProbability() > 0.6, "no-speech " + r.noSpeechProbability());
    assertTrue(r.avgLogprob() < -1, "unconvincing text " + r.avgLogprob());
    assertEquals(DropReason.NO_SPEECH, r.dropReason());
    assertEquals("", r.text());
    assertTrue(r.segments().isEmpty() && r.words().isEmpty());

    // The same no-speech probability with confident text is kept (reference rule).
    Script confident =
        new Script(out, "en", WhisperScriptedModel.PEAK + 5, WhisperScriptedModel.PEAK);
    WhisperScriptedModel m2 = new WhisperScriptedModel(tokenizer, List.of(confident));
    assertFalse(decode(m2, List.of(0), List.of(request("en"))).get(0).dropped());
  }

  @Test
  void unconvincingTextIsDroppedAsLowConfidence() {
    Script weak = new Script(seq(ts(0), " maybe words", ts(1)), "en", 0f, 8f);
    WhisperScriptedModel model = new WhisperScriptedModel(tokenizer, List.of(weak));
    WindowResult r = decode(model, List.of(0), List.of(request("en"))).get(0);
    assertEquals(DropReason.LOW_CONFIDENCE, r.dropReason());
    DecodeOptions lenient = DecodeOptions.builder().minAvgLogprob(Double.NEGATIVE_INFINITY).build();
    WindowResult kept =
        decode(
                model,
                List.of(0),
                List.of(new DecodeRequest(DecodePrefix.transcribe("en"), lenient, 5)))
            .get(0);
    assertEquals("maybe words", kept.text());
  }

  @Test
  void aLoopIsStoppedEarlyAndCutToOneOccurrence() {
    List<Object> parts = new ArrayList<>(List.of(ts(0), " I mean"));
    for (int i = 0; i < 30; i++) {
      parts.add(" thank you so much");
    }
    WhisperScriptedModel model =
        new WhisperScriptedModel(tokenizer, List.of(Script.speech("en", seq(parts.toArray()))));
    WindowResult r = decode(model, List.of(0), List.of(request("en"))).get(0);
    assertEquals(FinishReason.REPETITION, r.finishReason());
    assertEquals("I mean thank you so much", r.text());
    int fed = model.fedHistories().get(0).length;
    assertTrue(fed < 4 + 2 + 4 * 4 + 2, "stopped as soon as the loop showed, fed " + fed);
  }

  @Test
  void repetitiveTextThatEscapesTheLoopStopIsDroppedByCompressionRatio() {
    // Period 9 tokens is longer than the loop stop looks for; the text still compresses too well.
    String line = " one two three four five six seven eight nine";
    List<Object> parts = new ArrayList<>(List.of(ts(0)));
    for (int i = 0; i < 6; i++) {
      parts.add(line);
    }
    parts.add(ts(5));
    WhisperScriptedModel model =
        new WhisperScriptedModel(tokenizer, List.of(Script.speech("en", seq(parts.toArray()))));
    WindowResult r = decode(model, List.of(0), List.of(request("en"))).get(0);
    assertEquals(FinishReason.END_OF_TEXT, r.finishReason());
    assertTrue(r.compressionRatio() > 2.4, "ratio " + r.compressionRatio());
    assertEquals(DropReason.REPETITIVE, r.dropReason());
  }

  @Test
  void forcedStepsSampleExactlyThatManyTokensPastTheEnd() {
    WhisperScriptedModel model =
        new WhisperScriptedModel(
            tokenizer, List.of(Script.speech("en", seq(ts(0), " Hi.", ts(1)))));
    DecodeOptions forced = DecodeOptions.builder().forcedSteps(40).build();
    WindowResult r =
        decode(
                model,
                List.of(0),
                List.of(new DecodeRequest(DecodePrefix.transcribe("en"), forced, 5)))
            .get(0);
    assertEquals(FinishReason.FORCED_STEPS, r.finishReason());
    assertEquals(40, r.tokens().size());
    assertFalse(r.tokens().contains(sp.endOfText()));
  }

  @Test
  void maxSampledTokensStopsARow() {
    WhisperScriptedModel model =
        new WhisperScriptedModel(
            tokenizer, List.of(Script.speech("en", seq(ts(0), " a b c d e f g h i j k", ts(3)))));
    DecodeOptions capped = DecodeOptions.builder().maxSampledTokens(5).build();
    WindowResult r =
        decode(
                model,
                List.of(0),
                List.of(new DecodeRequest(DecodePrefix.transcribe("en"), capped, 3)))
            .get(0);
    assertEquals(FinishReason.MAX_TOKENS, r.finishReason());
    assertEquals(5, r.tokens().size());
    assertEquals(3.0, r.segments().get(0).endSeconds(), 1e-9, "open segment ends with the audio");
  }

  @Test
  void rejectsMismatchedBatchAndVocabulary() throws IOException {
    WhisperScriptedModel model =
        new WhisperScriptedModel(tokenizer, List.of(Script.speech("en", ts(0))));
    GreedyDecoder decoder = new GreedyDecoder(tokenizer, model.config());
    try (DecoderBatch batch = model.startBatch(List.of(WhisperScriptedModel.window(0)))) {
      assertThrows(IllegalArgumentException.class, () -> decoder.decode(batch, List.of()));
    }
    WhisperTokenizer english =
        WhisperTokenizer.englishOnly(WhisperTestFiles.asset("gpt2.tiktoken"));
    assertThrows(IllegalArgumentException.class, () -> new GreedyDecoder(english, model.config()));
  }
}
