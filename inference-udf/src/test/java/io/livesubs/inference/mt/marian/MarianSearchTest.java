package io.livesubs.inference.mt.marian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.inference.mt.marian.model.EncodedBatch;
import io.livesubs.inference.mt.marian.model.MarianModelConfig;
import io.livesubs.inference.mt.marian.model.MarianModelFolder;
import io.livesubs.inference.mt.marian.model.MarianOnnxModel;
import io.livesubs.inference.mt.marian.model.StepDecoder;
import io.livesubs.inference.mt.marian.search.BeamSearch;
import io.livesubs.inference.mt.marian.search.GreedySearch;
import io.livesubs.inference.mt.marian.search.SearchSettings;
import io.livesubs.inference.mt.marian.tokenizer.MarianTokenizer;
import io.livesubs.inference.onnx.OrtSessionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search strategies on the stand-in model directly: greedy decoding and a beam of one are
 * different code paths that must pick the same tokens, with and without the KV cache.
 */
class MarianSearchTest {
  private static MarianOnnxModel model;
  private static MarianModelConfig config;
  private static int[][] sources;

  @BeforeAll
  static void open() {
    MarianModelFolder folder =
        MarianModelFolder.locate(MarianTestFiles.standIn(MarianTestFiles.SMALL, "--small"));
    config = MarianModelConfig.read(folder);
    model = MarianOnnxModel.open(folder, config, OrtSessionConfig.DEFAULT, true);
    MarianTokenizer tokenizer = MarianTokenizer.load(folder.dir());
    sources = MarianTranslatorTest.SENTENCES.stream().map(tokenizer::encode).toArray(int[][]::new);
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void greedyAndABeamOfOnePickTheSameTokens() throws Exception {
    for (boolean cache : new boolean[] {true, false}) {
      int[][] greedy = run(1, cache, false);
      int[][] beam = run(1, cache, true);
      assertEquals(sources.length, greedy.length);
      int ended = 0;
      for (int i = 0; i < greedy.length; i++) {
        assertArrayEquals(greedy[i], beam[i], "cache " + cache + ", sentence " + i);
        ended += greedy[i].length < 20 ? 1 : 0;
      }
      // Both the </s> path and the length limit are taken.
      assertTrue(ended > 0 && ended < greedy.length, "sentences ended early: " + ended);
    }
  }

  @Test
  void wideBeamsEndWithinTheLimitAndNeverEmitBannedTokens() throws Exception {
    int[][] beam = run(5, true, true);
    for (int[] tokens : beam) {
      assertTrue(tokens.length <= 20, "length " + tokens.length);
      for (int t : tokens) {
        assertTrue(!config.bannedTokenIds().contains(t) && t != config.eosTokenId(), "token " + t);
      }
    }
  }

  private static int[][] run(int beamSize, boolean cache, boolean beamSearch) throws Exception {
    SearchSettings settings =
        new SearchSettings(
            beamSize,
            20,
            config.decoderStartTokenId(),
            config.eosTokenId(),
            config.bannedTokenIds(),
            1.0);
    try (EncodedBatch batch = model.encode(sources);
        StepDecoder decoder = model.decoder(batch, cache)) {
      return beamSearch ? BeamSearch.run(decoder, settings) : GreedySearch.run(decoder, settings);
    }
  }
}
