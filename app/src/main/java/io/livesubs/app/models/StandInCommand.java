package io.livesubs.app.models;

import io.livesubs.inference.asr.whisper.model.DecoderLayout;
import io.livesubs.inference.asr.whisper.model.WhisperModelFolder;
import io.livesubs.inference.asr.whisper.model.WhisperStandInGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs models stand-in}: writes a random-weight Whisper model with the real architecture
 * of tiny, base or small by running {@code scripts/models/whisper_standin.py}. A new instance per
 * execution; not thread-safe.
 */
@Command(
    name = "stand-in",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a stand-in Whisper model: random weights, the real architecture (layers, heads,"
          + " dims, inputs, outputs, key/value cache), so it costs what the real model costs.",
      "Needs python3 with onnx and numpy (Debian: python3-onnx python3-numpy)."
    })
public final class StandInCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--arch",
      required = true,
      paramLabel = "ARCH",
      description = "tiny, base or small.")
  private String arch;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Model folder to write.")
  private Path out;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "merged",
      description =
          "merged (decoder_model_merged.onnx, default) or split (decoder_model.onnx +"
              + " decoder_with_past_model.onnx).")
  private String layout;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "20240601",
      description = "Weight seed.")
  private long seed;

  @Option(
      names = "--logit-bias",
      paramLabel = "TOKEN=VALUE",
      description =
          "Add VALUE to a token's logit at every step (repeatable); TOKEN is an id or a"
              + " special token such as <|nospeech|>.")
  private List<String> logitBias = new ArrayList<>();

  @Option(
      names = "--python",
      paramLabel = "CMD",
      description =
          "Python interpreter (default:" + " /usr/bin/python3 when present, else python3).")
  private String python;

  @Option(
      names = "--script",
      paramLabel = "FILE",
      description =
          "The generator script (default:"
              + " scripts/models/whisper_standin.py above the working directory).")
  private Path script;

  @Override
  public Integer call() throws Exception {
    if (!WhisperStandInGenerator.ARCHS.contains(arch)) {
      throw new ParameterException(
          spec.commandLine(), "--arch must be tiny, base or small, was '" + arch + "'");
    }
    DecoderLayout decoderLayout = parseLayout();
    WhisperStandInGenerator.Builder builder =
        WhisperStandInGenerator.builder().arch(arch).out(out).layout(decoderLayout).seed(seed);
    for (String bias : logitBias) {
      int eq = bias.lastIndexOf('=');
      Float value = eq > 0 ? parseFloat(bias.substring(eq + 1)) : null;
      if (value == null) {
        throw new ParameterException(
            spec.commandLine(),
            "--logit-bias must be TOKEN=VALUE with a number, was '" + bias + "'");
      }
      builder.logitBias(bias.substring(0, eq), value);
    }
    if (python != null) {
      builder.python(python);
    }
    if (script != null) {
      builder.script(script);
    }
    WhisperStandInGenerator generator;
    try {
      generator = builder.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String interpreter = generator.command().get(0);
    Optional<String> problem = WhisperStandInGenerator.pythonProblem(interpreter);
    if (problem.isPresent()) {
      throw new IllegalStateException(problem.get());
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("models: generating a " + arch + " stand-in (" + layout + ") in " + out);
    err.flush();
    generator.generate();
    WhisperModelFolder folder = WhisperModelFolder.open(out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("models: wrote stand-in whisper-" + arch + " to " + folder);
    stdout.flush();
    return 0;
  }

  private DecoderLayout parseLayout() {
    try {
      return DecoderLayout.valueOf(layout.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--layout must be merged or split, was '" + layout + "'");
    }
  }

  private static Float parseFloat(String text) {
    try {
      float f = Float.parseFloat(text.strip());
      return Float.isFinite(f) ? f : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
