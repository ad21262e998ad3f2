package io.livesubs.inference.asr.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.Transcript;
import io.livesubs.inference.asr.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of the JSON shapes Vosk 0.3.45 returns (final, partial, empty). */
class VoskJsonTest {
  private static final AsrSessionConfig AT_TEN_SECONDS =
      AsrSessionConfig.builder().startSample(160_000).build();

  @Test
  void finalResultWordsBecomeAbsoluteMediaTimes() {
    String json =
        "{\"result\":[{\"conf\":1.0,\"end\":0.84,\"start\":0.39,\"word\":\"please\"},"
            + "{\"conf\":0.62,\"end\":1.2,\"start\":0.84,\"word\":\"enter\"}],"
            + "\"text\":\"please enter\"}";
    Transcript t = VoskJson.result(json, AT_TEN_SECONDS);
    assertEquals("please enter", t.text());
    assertEquals(
        List.of(new Word("please", 10_390, 10_840, 1f), new Word("enter", 10_840, 11_200, 0.62f)),
        t.words());
  }

  @Test
  void partialResultUsesPartialFields() {
    String json =
        "{\"partial\":\"press one\",\"partial_result\":[{\"conf\":1.0,\"end\":0.5,\"start\":0.2,"
            + "\"word\":\"press\"},{\"conf\":0.5,\"end\":0.8,\"start\":0.5,\"word\":\"one\"}]}";
    Transcript t = VoskJson.partial(json, AsrSessionConfig.builder().build());
    assertEquals("press one", t.text());
    assertEquals(new Word("one", 500, 800, 0.5f), t.words().get(1));
  }

  @Test
  void emptyResultsAndTextWithoutWords() {
    assertEquals(Transcript.EMPTY, VoskJson.result("{\"text\":\"\"}", AT_TEN_SECONDS));
    assertEquals(Transcript.EMPTY, VoskJson.partial("{\"partial\":\"\"}", AT_TEN_SECONDS));
    assertEquals(
        new Transcript("hi", List.of()), VoskJson.result("{\"text\":\"hi\"}", AT_TEN_SECONDS));
  }

  @Test
  void malformedJsonIsAnErrorShowingIt() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VoskJson.result("{oops", AT_TEN_SECONDS));
    assertEquals(true, e.getMessage().contains("{oops"));
  }

  @Test
  void languageIsInferredFromModelDirectoryNames() {
    assertEquals("en", VoskEngine.languageFromDirName("vosk-model-small-en-us-0.15"));
    assertEquals("en", VoskEngine.languageFromDirName("vosk-model-en-us"));
    assertEquals("de", VoskEngine.languageFromDirName("vosk-model-de-0.21"));
    assertEquals(null, VoskEngine.languageFromDirName("model"));
  }
}
