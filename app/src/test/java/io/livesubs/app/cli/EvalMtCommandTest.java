package io.livesubs.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livesubs.app.testing.CliRun;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import io.livesubs.inference.mt.eval.Bleu;
import io.livesubs.inference.mt.eval.ChrF;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livesubs eval-mt}, run in-process on a small TSV file. Runs that translate need Apertium
 * with {@code eng-spa} (skipped without it, failed in CI); the bad-argument cases run anywhere.
 */
class EvalMtCommandTest {

  private static final Pattern LAST_LINE =
      Pattern.compile("BLEU=(\\d+\\.\\d\\d) chrF=(\\d+\\.\\d\\d)");

  /** Rows: id, English, Spanish reference, and a Spanish word the translation must contain. */
  private static final String[][] ROWS = {
    {"1", "The house is big.", "La casa es grande.", "casa"},
    {"2", "The dog is sleeping.", "El perro está durmiendo.", "perro"},
    {"3", "I have a red car.", "Tengo un coche rojo.", "coche"},
    {"4", "Where is the school?", "¿Dónde está la escuela?", "escuela"},
  };

  @TempDir Path dir;

  @Test
  void scoresTheTranslationsItWritesAndEndsWithTheScoreLine() throws Exception {
    requireApertium();
    Path hyp = dir.resolve("hyp.txt");
    CliRun run = evalMt(with(goodArgs(), "--hyp", hyp.toString()));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("translated 4 sentences"), run.err());

    List<String> lines = run.out().lines().toList();
    Matcher last = LAST_LINE.matcher(lines.get(lines.size() - 1));
    assertTrue(last.matches(), "last line: " + lines.get(lines.size() - 1));

    List<String> hypotheses = Files.readAllLines(hyp);
    assertEquals(ROWS.length, hypotheses.size());
    for (int i = 0; i < ROWS.length; i++) {
      String h = hypotheses.get(i).toLowerCase(Locale.ROOT);
      assertTrue(h.contains(ROWS[i][3]), "row " + i + ": " + h);
    }
    // The printed scores are those of the written translations against the reference column.
    List<String> refs = Arrays.stream(ROWS).map(r -> r[2]).toList();
    assertEquals(Bleu.sacreBleu().corpusScore(hypotheses, refs).formatted(), last.group(1));
    assertEquals(ChrF.sacreBleu().corpusScore(hypotheses, refs).formatted(), last.group(2));
    assertTrue(Double.parseDouble(last.group(2)) > 30, "chrF: " + last.group(2));
  }

  @Test
  void limitTakesTheFirstRows() throws Exception {
    requireApertium();
    Path hyp = dir.resolve("hyp.txt");
    CliRun run = evalMt(with(with(goodArgs(), "--hyp", hyp.toString()), "--limit", "2"));
    assertEquals(0, run.exitCode(), run.err());
    List<String> hypotheses = Files.readAllLines(hyp);
    assertEquals(2, hypotheses.size());
    assertTrue(hypotheses.get(1).contains("perro"), hypotheses.get(1));
  }

  @Test
  void badArgumentsGiveOneLineAndExitCode2() throws Exception {
    List<String> good = goodArgs();
    assertBadArgs("unknown engine 'nope'", with(good, "--engine", "nope"));
    assertBadArgs("no column 'fra'", with(good, "--ref-col", "fra"));
    assertBadArgs("not found", with(good, "--input", dir.resolve("missing.tsv").toString()));
    assertBadArgs("--limit", with(good, "--limit", "-1"));
    assertBadArgs("--ref-col", good.subList(0, good.size() - 2));
    // Without Apertium the message says it is not installed; with it, that en → ja is missing.
    assertBadArgs(
        ApertiumInstallation.system().isAvailable() ? "cannot translate" : "not installed",
        with(good, "--tgt", "ja"));
  }

  @Test
  void marianScoresTheStandInModelAndReportsThroughput() throws Exception {
    Path model = marianStandIn();
    Path hyp = dir.resolve("hyp.txt");
    List<String> args =
        with(with(goodArgs(), "--engine", "marian"), "--model-dir", model.toString());
    CliRun run =
        evalMt(with(with(with(args, "--tgt", "mg"), "--hyp", hyp.toString()), "--beam", "2"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .matches(
                "(?s).*translated 4 sentences in \\S+ s \\(\\S+ sentences/s\\) with marian:.*"),
        run.err());
    List<String> lines = run.out().lines().toList();
    Matcher last = LAST_LINE.matcher(lines.get(lines.size() - 1));
    assertTrue(last.matches(), "last line: " + lines.get(lines.size() - 1));
    List<String> hypotheses = Files.readAllLines(hyp);
    assertEquals(ROWS.length, hypotheses.size());
    List<String> refs = Arrays.stream(ROWS).map(r -> r[2]).toList();
    assertEquals(ChrF.sacreBleu().corpusScore(hypotheses, refs).formatted(), last.group(2));
  }

  @Test
  void badMarianArgumentsGiveOneLineAndExitCode2() throws Exception {
    List<String> marian = with(goodArgs(), "--engine", "marian");
    assertBadArgs("--engine marian needs --model-dir", marian);
    assertBadArgs("--model-dir is for --engine marian only", with(goodArgs(), "--model-dir", "x"));
    Path missing = dir.resolve("no-model");
    assertBadArgs(
        "cannot load the Marian model: Marian model folder " + missing.toAbsolutePath(),
        with(marian, "--model-dir", missing.toString()));
    List<String> withDir = with(marian, "--model-dir", dir.toString());
    assertBadArgs("--beam must be 1..16", with(withDir, "--beam", "0"));
    assertBadArgs("--device: Unknown execution device 'tpu'", with(withDir, "--device", "tpu"));
    assertBadArgs("--threads must be 1..64", with(withDir, "--threads", "0"));
  }

  @Test
  void marianRefusesPairsItsModelDoesNotServe() throws Exception {
    Path model = marianStandIn();
    List<String> args =
        with(with(goodArgs(), "--engine", "marian"), "--model-dir", model.toString());
    assertBadArgs("marian:marian-small cannot translate en → es", args);
  }

  /** The stand-in model the inference-udf tests generate; skips the test when it is absent. */
  private static Path marianStandIn() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("inference-udf/target/standin/marian-small");
      if (Files.isRegularFile(candidate.resolve(".complete"))) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "Marian stand-in model not generated (the inference-udf tests write it to"
            + " inference-udf/target/standin/marian-small): test skipped");
    throw new AssertionError("unreachable");
  }

  private List<String> goodArgs() throws Exception {
    StringBuilder tsv = new StringBuilder("id\teng\tspa\n");
    for (String[] row : ROWS) {
      tsv.append(row[0]).append('\t').append(row[1]).append('\t').append(row[2]).append('\n');
    }
    Path input = Files.writeString(dir.resolve("pairs.tsv"), tsv);
    return List.of(
        "--engine",
        "apertium",
        "--src",
        "en",
        "--tgt",
        "es",
        "--input",
        input.toString(),
        "--src-col",
        "eng",
        "--ref-col",
        "spa");
  }

  /** {@code args} with option {@code name} set to {@code value} (replaced or appended). */
  private static List<String> with(List<String> args, String name, String value) {
    List<String> out = new ArrayList<>(args);
    int at = out.indexOf(name);
    if (at >= 0) {
      out.set(at + 1, value);
    } else {
      out.add(name);
      out.add(value);
    }
    return out;
  }

  private static CliRun evalMt(List<String> args) {
    List<String> full = new ArrayList<>(List.of("eval-mt"));
    full.addAll(args);
    return CliRun.of(full.toArray(String[]::new));
  }

  private static void assertBadArgs(String expected, List<String> args) {
    CliRun run = evalMt(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("livesubs: ") && run.err().contains(expected), run.err());
    assertTrue(run.out().isEmpty(), run.out());
  }

  private static void requireApertium() {
    ApertiumInstallation apertium = ApertiumInstallation.system();
    boolean installed = apertium.isAvailable() && apertium.modes().contains("eng-spa");
    if (!installed && System.getenv("CI") != null) {
      fail("Apertium eng-spa not installed: run scripts/install-prereqs.sh");
    }
    assumeTrue(installed, "Apertium eng-spa not installed: test skipped");
  }
}
