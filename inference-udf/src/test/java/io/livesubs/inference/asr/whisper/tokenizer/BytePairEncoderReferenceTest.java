package io.livesubs.inference.asr.whisper.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.inference.asr.whisper.WhisperTestFiles;
import io.livesubs.inference.testsupport.ReferenceCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the corpus with the Java tokenizer and with an independent Python implementation ({@code
 * scripts/whisper/bpe_reference.py}, Python {@code regex} for the pre-tokenizer) and requires
 * identical ids for every text; also measures encoding speed.
 */
class BytePairEncoderReferenceTest {
  private static final Logger LOG = LoggerFactory.getLogger(BytePairEncoderReferenceTest.class);

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"multilingual.tiktoken", "gpt2.tiktoken"})
  void javaAndPythonProduceTheSameIds(String ranksName) throws IOException {
    String python = ReferenceCommands.python("regex");
    Path ranks = WhisperTestFiles.asset(ranksName);
    List<String> texts = TokenizerCorpus.texts();
    ObjectMapper json = new ObjectMapper();
    Path in = tmp.resolve("texts.json");
    Path out = tmp.resolve("ids.json");
    json.writeValue(in.toFile(), texts);
    ReferenceCommands.runChecked(
        List.of(
            python,
            WhisperTestFiles.script("bpe_reference.py").toString(),
            "--ranks",
            ranks.toString(),
            "--texts",
            in.toString(),
            "--out",
            out.toString()),
        300);
    int[][] expected = json.readValue(out.toFile(), int[][].class);
    assertEquals(texts.size(), expected.length);

    WhisperTokenizer tokenizer =
        ranksName.startsWith("gpt2")
            ? WhisperTokenizer.englishOnly(ranks)
            : WhisperTokenizer.multilingual(ranks, 99);
    long tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      int[] ids = tokenizer.encode(texts.get(i));
      assertArrayEquals(expected[i], ids, "text " + i + ": " + texts.get(i));
      tokens += ids.length;
    }
    assertTrue(texts.size() > TokenizerCorpus.CRAFTED.size() || tokens > 0);
    LOG.info(
        "{}: {} texts, {} tokens identical to the Python reference",
        ranksName,
        texts.size(),
        tokens);
    logSpeed(ranksName, tokenizer, texts);
  }

  private static void logSpeed(String name, WhisperTokenizer tokenizer, List<String> texts) {
    long tokens = 0;
    long chars = 0;
    long start = System.nanoTime();
    for (int round = 0; round < 3; round++) {
      for (String text : texts) {
        tokens += tokenizer.encode(text).length;
        chars += text.length();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.info(
        "{}: encode {} tokens/s ({} chars/s)",
        name,
        String.format("%.0f", tokens / seconds),
        String.format("%.0f", chars / seconds));
  }
}
