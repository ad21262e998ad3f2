package io.livesubs.app.cli;

import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.mt.TranslationException;
import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.mt.apertium.ApertiumInstallation;
import io.livesubs.inference.mt.apertium.ApertiumTranslator;
import io.livesubs.inference.mt.eval.Bleu;
import io.livesubs.inference.mt.eval.BleuScore;
import io.livesubs.inference.mt.eval.ChrF;
import io.livesubs.inference.mt.eval.ChrFScore;
import io.livesubs.inference.mt.eval.ParallelCorpus;
import io.livesubs.inference.mt.marian.MarianTranslator;
import io.livesubs.inference.mt.marian.MarianTranslatorConfig;
import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.ingest.cli.CliInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs eval-mt}: translates the source column of a TSV file with a translation engine
 * and scores the result against the reference column with sacreBLEU's BLEU and chrF. Engines:
 * Apertium, or MarianMT on ONNX Runtime ({@code --engine marian --model-dir DIR}). Progress and
 * throughput (sentences per second) go to stderr; the last line of stdout is {@code BLEU=<x>
 * chrF=<y>} (two decimals). A new instance per execution; not thread-safe.
 */
@Command(
    name = "eval-mt",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure machine translation quality: translate a TSV file's source column and score it"
          + " against its reference column with BLEU (13a, exp smoothing) and chrF2, as sacreBLEU"
          + " does.",
      "The last line of the output is BLEU=<x> chrF=<y>."
    })
public final class EvalMtCommand implements Callable<Integer> {

  /** Engines this command can run. */
  static final List<String> ENGINES = List.of("apertium", "marian");

  private static final int BATCH = 50;
  private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

  @Spec private CommandSpec spec;

  @Option(
      names = "--engine",
      required = true,
      paramLabel = "ENGINE",
      description = "Translation engine: apertium or marian (needs --model-dir).")
  private String engine;

  @Option(
      names = "--model-dir",
      paramLabel = "DIR",
      description =
          "Marian: an ONNX export of an opus-mt model (encoder_model.onnx, decoder_model.onnx,"
              + " decoder_with_past_model.onnx, config.json, source.spm, target.spm, vocab.json;"
              + " see docs/translation.md).")
  private Path modelDir;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "cpu",
      description = "Marian: cpu, cuda or cuda:N (default: ${DEFAULT-VALUE}).")
  private String device;

  @Option(
      names = "--beam",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Marian: hypotheses per sentence, 1 (greedy) to 16 (default: ${DEFAULT-VALUE}).")
  private int beam;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Marian: ONNX Runtime threads (default: the number of CPU cores, at most 8).")
  private Integer threads;

  @Option(names = "--src", required = true, paramLabel = "BCP47", description = "Source language.")
  private String source;

  @Option(names = "--tgt", required = true, paramLabel = "BCP47", description = "Target language.")
  private String target;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.tsv",
      description = "Tab-separated sentence pairs with a header row naming the columns.")
  private Path input;

  @Option(
      names = "--src-col",
      required = true,
      paramLabel = "NAME",
      description = "Header of the source sentence column.")
  private String sourceColumn;

  @Option(
      names = "--ref-col",
      required = true,
      paramLabel = "NAME",
      description = "Header of the reference translation column.")
  private String referenceColumn;

  @Option(
      names = "--hyp",
      paramLabel = "FILE",
      description = "Also write the translations here, one line per input row.")
  private Path hypothesisFile;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Evaluate only the first N rows (default: all).")
  private int limit;

  @Override
  public Integer call() throws Exception {
    String engineName = engine.toLowerCase(Locale.ROOT);
    if (!ENGINES.contains(engineName)) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown engine '" + engine + "' (known: " + String.join(", ", ENGINES) + ")");
    }
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be >= 0, was " + limit);
    }
    checkEngineOptions(engineName);
    ParallelCorpus corpus = readCorpus();
    PrintWriter err = spec.commandLine().getErr();
    try (Translator translator = openEngine(engineName)) {
      if (!translator.supports(source, target)) {
        throw new CliInputException(
            translator.name() + " cannot translate " + source + " → " + target);
      }
      long start = System.nanoTime();
      List<String> hypotheses = translateAll(translator, corpus.sources(), err);
      double seconds = (System.nanoTime() - start) / 1e9;
      err.printf(
          Locale.ROOT,
          "eval-mt: translated %d sentences in %.1f s (%.1f sentences/s) with %s%n",
          hypotheses.size(),
          seconds,
          hypotheses.size() / Math.max(seconds, 1e-9),
          translator.name());
      err.flush();
      if (hypothesisFile != null) {
        writeHypotheses(hypotheses);
      }
      BleuScore bleu = Bleu.sacreBleu().corpusScore(hypotheses, corpus.references());
      ChrFScore chrf = ChrF.sacreBleu().corpusScore(hypotheses, corpus.references());
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "%s %s→%s, %d sentences: BLEU nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp %s"
              + " (BP %.3f, hyp_len %d, ref_len %d); chrF2 nrefs:1|case:mixed|eff:yes|nc:6|nw:0"
              + "|space:no %s%n",
          translator.name(),
          source,
          target,
          hypotheses.size(),
          precisions(bleu),
          bleu.brevityPenalty(),
          bleu.hypLength(),
          bleu.refLength(),
          chrf.formatted());
      out.println("BLEU=" + bleu.formatted() + " chrF=" + chrf.formatted());
      out.flush();
      return 0;
    }
  }

  private ParallelCorpus readCorpus() {
    try {
      ParallelCorpus corpus = ParallelCorpus.readTsv(input, sourceColumn, referenceColumn, limit);
      if (corpus.size() == 0) {
        throw new CliInputException(input + " has no sentence pairs below its header");
      }
      for (int i = 0; i < corpus.size(); i++) {
        if (corpus.references().get(i).isBlank()) {
          throw new CliInputException(
              input + ": row " + (i + 1) + " has an empty reference in column " + referenceColumn);
        }
      }
      return corpus;
    } catch (NoSuchFileException e) {
      throw new CliInputException("input file not found: " + input, e);
    } catch (IOException e) {
      throw new CliInputException("cannot read " + input + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliInputException(e.getMessage(), e);
    }
  }

  private void checkEngineOptions(String engineName) {
    boolean marian = engineName.equals("marian");
    if (marian && modelDir == null) {
      throw new ParameterException(spec.commandLine(), "--engine marian needs --model-dir DIR");
    }
    if (!marian && modelDir != null) {
      throw new ParameterException(spec.commandLine(), "--model-dir is for --engine marian only");
    }
    if (beam < 1 || beam > 16) {
      throw new ParameterException(spec.commandLine(), "--beam must be 1..16, was " + beam);
    }
    if (threads != null && (threads < 1 || threads > 64)) {
      throw new ParameterException(spec.commandLine(), "--threads must be 1..64, was " + threads);
    }
    try {
      ExecutionDevice.parse(device);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--device: " + e.getMessage());
    }
  }

  private Translator openEngine(String name) {
    return name.equals("marian") ? openMarian() : openApertium();
  }

  private Translator openMarian() {
    int cores = Math.min(8, Runtime.getRuntime().availableProcessors());
    try {
      return MarianTranslator.open(
          MarianTranslatorConfig.builder(modelDir)
              .device(ExecutionDevice.parse(device))
              .beamSize(beam)
              .threads(threads == null ? cores : threads)
              .build());
    } catch (ModelLoadException | IllegalStateException e) {
      throw new CliInputException("cannot load the Marian model: " + e.getMessage(), e);
    }
  }

  private static Translator openApertium() {
    ApertiumInstallation apertium = ApertiumInstallation.system();
    if (!apertium.isAvailable()) {
      throw new CliInputException(
          "Apertium is not installed in "
              + apertium.dataDir()
              + " (apt-get install apertium apertium-eng-spa, or scripts/install-prereqs.sh)");
    }
    return ApertiumTranslator.builder().installation(apertium).build();
  }

  private List<String> translateAll(Translator translator, List<String> sources, PrintWriter err)
      throws TranslationException {
    List<String> out = new ArrayList<>(sources.size());
    long start = System.nanoTime();
    long lastReport = start;
    for (int from = 0; from < sources.size(); from += BATCH) {
      List<String> batch = sources.subList(from, Math.min(sources.size(), from + BATCH));
      out.addAll(translator.translate(source, target, batch));
      long now = System.nanoTime();
      if (now - lastReport >= PROGRESS_EVERY_NANOS) {
        err.printf(
            Locale.ROOT,
            "eval-mt: %d/%d sentences (%.1f/s)%n",
            out.size(),
            sources.size(),
            out.size() / ((now - start) / 1e9));
        err.flush();
        lastReport = now;
      }
    }
    return out;
  }

  private void writeHypotheses(List<String> hypotheses) {
    try (BufferedWriter w = Files.newBufferedWriter(hypothesisFile, StandardCharsets.UTF_8)) {
      for (String h : hypotheses) {
        // One line per input row, whatever an engine returns.
        w.write(h.replaceAll("[\\r\\n]+", " "));
        w.newLine();
      }
    } catch (IOException e) {
      throw new CliInputException("cannot write " + hypothesisFile + ": " + e.getMessage(), e);
    }
  }

  private static String precisions(BleuScore bleu) {
    List<Double> p = bleu.precisions();
    return String.format(
        Locale.ROOT,
        "%s %.1f/%.1f/%.1f/%.1f",
        bleu.formatted(),
        p.get(0),
        p.get(1),
        p.get(2),
        p.get(3));
  }
}
