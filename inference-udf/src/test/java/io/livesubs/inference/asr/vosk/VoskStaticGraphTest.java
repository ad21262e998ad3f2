package io.livesubs.inference.asr.vosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.inference.asr.AsrResult;
import io.livesubs.inference.asr.AsrSession;
import io.livesubs.inference.asr.AsrSessionConfig;
import io.livesubs.inference.asr.Word;
import io.livesubs.inference.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The static decoding graph the build composes ({@code scripts/vosk-static-graph.sh}) against the
 * model's own lookahead graph: a copy of the model without {@code graph/HCLG.fst} (files linked,
 * not copied) makes Vosk compose {@code HCLr.fst} with {@code Gr.fst} on the fly, as it did before
 * the static graph existed. Both must give exactly the same final words, times and confidences, and
 * nearly always the same partial hypotheses; only the speed differs.
 */
class VoskStaticGraphTest {

  private static final Set<Path> STATIC_ONLY = Set.of(Path.of("graph/HCLG.fst"));

  @Test
  void provisionedModelHasAStaticGraphWhenTheOpenFstToolsAreInstalled() {
    assumeTrue(onPath("fstcompose"), "OpenFst tools not installed: the build keeps the slow graph");
    assertTrue(
        Files.isRegularFile(TestData.voskModel().resolve(VoskEngine.STATIC_GRAPH)),
        "no " + VoskEngine.STATIC_GRAPH + " in " + TestData.voskModel());
  }

  @Test
  void staticGraphDecodesLikeTheLookaheadGraph() throws Exception {
    Path model = TestData.voskModel();
    assumeTrue(
        Files.isRegularFile(model.resolve(VoskEngine.STATIC_GRAPH)), "no static graph to compare");
    List<short[]> clips = new ArrayList<>();
    for (String[] row : TestData.tsvRows(TestData.evalFile("speech.tsv"))) {
      if (row[2].equals("en")
          && (row[0].contains("/librivox_pocketsphinx/") || row[0].contains("/ljspeech/"))) {
        clips.add(TestData.evalAudio(row[0]));
      }
    }
    assertTrue(clips.size() >= 6, "clips found: " + clips.size());
    int partials = 0;
    int differing = 0;

    Path copy =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "vosk-lookahead-")
            .resolve("vosk-model-en-us");
    try {
      linkModelWithoutStaticGraph(model, copy);
      try (VoskEngine staticGraph = VoskEngine.open(model);
          VoskEngine lookahead = VoskEngine.open(copy)) {
        for (short[] pcm : clips) {
          List<Object> expected = decodeWithUpdates(lookahead, pcm);
          assertTrue(expected.size() > 10, "too few updates: " + expected.size());
          List<Object> actual = decodeWithUpdates(staticGraph, pcm);
          assertEquals(expected.size(), actual.size(), "updates");
          assertSameResult(
              (AsrResult) expected.get(expected.size() - 1),
              (AsrResult) actual.get(actual.size() - 1));
          for (int i = 0; i < expected.size() - 1; i++) {
            partials++;
            differing += expected.get(i).equals(actual.get(i)) ? 0 : 1;
          }
        }
      }
    } finally {
      deleteWithoutFollowingLinks(copy.getParent());
    }
    // Partials show the newest words too (the model is determinized in short chunks, see
    // inference-udf/pom.xml), where the two searches, visiting states in another order, break
    // pruning ties differently: measured 96 of 357 partial hypotheses differ on these clips (48
    // when Kaldi determinized in 10-20 instead of 5-10 frame chunks, as partials then reached
    // fewer of the newest words), by a word appearing one update earlier or later or a tail word
    // spelled differently; the final results never differ (checked above). Bound the partials at
    // a third.
    System.out.printf(
        "static vs lookahead graph: %d of %d partial updates differ, finals identical%n",
        differing, partials);
    assertTrue(differing * 3 <= partials, differing + " of " + partials + " partials differ");
  }

  /**
   * Same words at the same times; word confidences (lattice posteriors) may differ in the last
   * printed digit, because the two graphs' arc weights are summed in another order.
   */
  private static void assertSameResult(AsrResult expected, AsrResult actual) {
    assertEquals(expected.startMs(), actual.startMs(), "result start");
    assertEquals(expected.endMs(), actual.endMs(), "result end");
    assertEquals(expected.transcript().text(), actual.transcript().text(), "result text");
    List<Word> e = expected.transcript().words();
    List<Word> a = actual.transcript().words();
    assertEquals(e.size(), a.size(), "result words");
    for (int i = 0; i < e.size(); i++) {
      assertEquals(e.get(i).text(), a.get(i).text(), "word " + i);
      assertEquals(e.get(i).startMs(), a.get(i).startMs(), "word " + i + " start");
      assertEquals(e.get(i).endMs(), a.get(i).endMs(), "word " + i + " end");
      assertEquals(e.get(i).confidence(), a.get(i).confidence(), 1e-4, "word " + i + " confidence");
    }
  }

  /** Every update of a session fed in 100 ms blocks, then its final result. */
  private static List<Object> decodeWithUpdates(VoskEngine engine, short[] pcm) {
    List<Object> outputs = new ArrayList<>();
    try (AsrSession session =
        engine.openSession(AsrSessionConfig.builder().partialIntervalMs(100).build())) {
      for (int i = 0; i < pcm.length; i += 1_600) {
        outputs.add(session.acceptWaveform(pcm, i, Math.min(1_600, pcm.length - i)));
      }
      outputs.add(session.finish());
    }
    return outputs;
  }

  /** Recreates the model's directories under {@code copy}, linking every file but the graph. */
  private static void linkModelWithoutStaticGraph(Path model, Path copy) throws IOException {
    try (Stream<Path> paths = Files.walk(model)) {
      for (Path path : paths.toList()) {
        Path relative = model.relativize(path);
        Path target = copy.resolve(relative);
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!STATIC_ONLY.contains(relative)) {
          Files.createSymbolicLink(target, path);
        }
      }
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(":"))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
  }

  private static void deleteWithoutFollowingLinks(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
