package io.livesubs.jobs.speech.whisper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.RecognitionSettings;
import io.livesubs.jobs.speech.AsrSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code asr.*} options of the Whisper path, read through {@code RecognitionOptions}. */
class WhisperOptionsTest {

  private static RecognitionSettings apply(Map<String, String> options) {
    return RecognitionSettings.defaults().withOptions(options);
  }

  private static String error(Map<String, String> options) {
    return assertThrows(IllegalArgumentException.class, () -> apply(options)).getMessage();
  }

  @Test
  void everyWhisperOptionIsRead() {
    AsrSettings asr =
        apply(
                Map.ofEntries(
                    Map.entry("asr.engine", "whisper"),
                    Map.entry("asr.model-dir", "/models/whisper-base"),
                    Map.entry("asr.device", "cuda:1"),
                    Map.entry("asr.language", "pt-BR"),
                    Map.entry("asr.whisper.step-ms", "1500"),
                    Map.entry("asr.whisper.max-batch", "32"),
                    Map.entry("asr.whisper.max-wait-ms", "25"),
                    Map.entry("asr.whisper.capacity", "4"),
                    Map.entry("asr.whisper.timeout-ms", "20000"),
                    Map.entry("asr.whisper.min-avg-logprob", "-Infinity"),
                    Map.entry("asr.whisper.max-tokens", "100")))
            .asr();
    assertEquals(AsrSettings.Engine.WHISPER, asr.engine());
    assertEquals("/models/whisper-base", asr.modelDir());
    assertEquals("cuda:1", asr.device());
    assertEquals("pt-BR", asr.language());
    assertEquals(
        new WhisperSettings(1500, 32, 25, 4, 20_000, Double.NEGATIVE_INFINITY, 100), asr.whisper());
    var engine = asr.whisper().engineConfig(asr.modelDir(), asr.device(), asr.language());
    assertEquals(32, engine.batching().maxBatch());
    assertEquals(100, engine.decoding().maxSampledTokens());
    assertEquals("cuda:1", engine.device().toString());
  }

  @Test
  void defaultsAreCpuVoskAndDetection() {
    AsrSettings asr = RecognitionSettings.defaults().asr();
    assertEquals(AsrSettings.Engine.VOSK, asr.engine());
    assertEquals("cpu", asr.device());
    assertNull(asr.language());
    assertEquals(WhisperSettings.defaults(), asr.whisper());
    assertEquals(1000, asr.whisper().stepMs());
  }

  @Test
  void badValuesAreRejectedNamingTheKey() {
    assertTrue(error(Map.of("asr.engine", "whisper")).contains("asr.model-dir is required"));
    Map<String, String> whisper = Map.of("asr.engine", "whisper", "asr.model-dir", "/m");
    for (String key :
        new String[] {
          "asr.whisper.step-ms",
          "asr.whisper.max-batch",
          "asr.whisper.capacity",
          "asr.whisper.timeout-ms",
          "asr.whisper.max-tokens"
        }) {
      Map<String, String> o = new java.util.HashMap<>(whisper);
      o.put(key, "0");
      assertTrue(error(o).startsWith(key + " must be in"), key);
      o.put(key, "x");
      assertTrue(error(o).contains(key + " needs a number"), key);
    }
    assertTrue(error(Map.of("asr.device", "tpu")).startsWith("asr.device must be"));
    assertTrue(error(Map.of("asr.language", "english!")).startsWith("asr.language must be"));
    assertTrue(
        error(Map.of("asr.whisper.min-avg-logprob", "0.5"))
            .startsWith("asr.whisper.min-avg-logprob must be"));
    assertTrue(error(Map.of("asr.engine", "kaldi")).contains("known: [vosk, whisper]"));
    assertTrue(error(Map.of("asr.whisper.beam", "5")).contains("unknown recognition option"));
  }
}
