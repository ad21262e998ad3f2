package io.livesubs.inference.asr.whisper.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/models/whisper_standin.py}, which writes a random-weight Whisper model folder
 * with the real architecture of tiny, base or small (see the script for the files). The script
 * needs Debian's {@code python3-onnx} and {@code python3-numpy}; {@link #pythonProblem} says
 * whether the interpreter has them. Build with {@link #builder()}; immutable and thread-safe (each
 * {@link #generate()} starts its own process).
 */
public final class WhisperStandInGenerator {
  /** Architectures the script knows. */
  public static final Set<String> ARCHS = Set.of("tiny", "base", "small");

  /** The script, relative to the repository root. */
  public static final String SCRIPT = "scripts/models/whisper_standin.py";

  private static final long TIMEOUT_SECONDS = 900;

  private final Path script;
  private final String python;
  private final String arch;
  private final DecoderLayout layout;
  private final Path out;
  private final long seed;
  private final Map<String, Float> logitBias;

  private WhisperStandInGenerator(Builder b) {
    this.script = b.script;
    this.python = b.python;
    this.arch = b.arch;
    this.layout = b.layout;
    this.out = b.out;
    this.seed = b.seed;
    this.logitBias = Map.copyOf(b.logitBias);
  }

  /** A builder; {@code arch} and {@code out} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Debian's {@code /usr/bin/python3} when it exists (it has python3-onnx), else {@code python3}.
   */
  public static String defaultPython() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  /**
   * The script found in {@code start} or one of its parents.
   *
   * @return empty if no parent holds {@value #SCRIPT}
   */
  public static Optional<Path> findScript(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SCRIPT);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@code python} cannot run the script (a missing module or interpreter), or empty if it can.
   */
  public static Optional<String> pythonProblem(String python) {
    try {
      Run run = run(List.of(python, "-c", "import onnx, numpy"), 120);
      return run.exitCode() == 0
          ? Optional.empty()
          : Optional.of(
              python
                  + " cannot import onnx and numpy (Debian: apt-get install python3-onnx"
                  + " python3-numpy): "
                  + lastLine(run.output()));
    } catch (IOException e) {
      return Optional.of(python + " is not runnable: " + e.getMessage());
    }
  }

  /** The command line this generator runs. */
  public List<String> command() {
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(List.of("--arch", arch, "--out", out.toString()));
    command.addAll(List.of("--layout", layout.name().toLowerCase(Locale.ROOT)));
    command.addAll(List.of("--seed", Long.toString(seed)));
    logitBias.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> command.addAll(List.of("--logit-bias", e.getKey() + "=" + e.getValue())));
    return command;
  }

  /**
   * Writes the model folder.
   *
   * @return the script's output
   * @throws IOException if the script cannot start, fails (the message carries its last line) or
   *     runs longer than 15 minutes
   */
  public String generate() throws IOException {
    Run run = run(command(), TIMEOUT_SECONDS);
    if (run.exitCode() != 0) {
      throw new IOException(
          "whisper_standin.py failed (exit " + run.exitCode() + "): " + lastLine(run.output()));
    }
    return run.output();
  }

  private static String lastLine(String output) {
    List<String> lines = output.strip().lines().toList();
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
  }

  private static Run run(List<String> command, long timeoutSeconds) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      // Reading to the end first keeps the child from blocking on a full pipe.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Run(process.exitValue(), output);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  private record Run(int exitCode, String output) {}

  /** Builder; not thread-safe. */
  public static final class Builder {
    private Path script;
    private String python = defaultPython();
    private String arch;
    private DecoderLayout layout = DecoderLayout.MERGED;
    private Path out;
    private long seed = 20240601L;
    private final Map<String, Float> logitBias = new LinkedHashMap<>();

    private Builder() {}

    /** The script (default: {@value #SCRIPT} found from the working directory upwards). */
    public Builder script(Path script) {
      this.script = script;
      return this;
    }

    /** The interpreter (default {@link #defaultPython()}). */
    public Builder python(String python) {
      this.python = python;
      return this;
    }

    /** {@code tiny}, {@code base} or {@code small} (required). */
    public Builder arch(String arch) {
      this.arch = arch;
      return this;
    }

    /** Decoder layout (default merged). */
    public Builder layout(DecoderLayout layout) {
      this.layout = layout;
      return this;
    }

    /** The folder to write (required; created if missing). */
    public Builder out(Path out) {
      this.out = out;
      return this;
    }

    /** Weight seed; equal seeds give equal weights in either layout. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Adds {@code bias} to a token's logit at every step.
     *
     * @param token a token id or a special token such as {@code <|nospeech|>} or {@code <|1.00|>}
     */
    public Builder logitBias(String token, float bias) {
      logitBias.put(Objects.requireNonNull(token, "token").strip(), bias);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the bad or missing setting
     */
    public WhisperStandInGenerator build() {
      if (arch == null || !ARCHS.contains(arch)) {
        throw new IllegalArgumentException(
            "arch must be one of " + ARCHS.stream().sorted().toList() + ", was " + arch);
      }
      if (out == null) {
        throw new IllegalArgumentException("out (the model folder to write) is required");
      }
      Objects.requireNonNull(layout, "layout");
      if (python == null || python.isBlank()) {
        throw new IllegalArgumentException("python must not be blank");
      }
      for (Map.Entry<String, Float> e : logitBias.entrySet()) {
        if (e.getKey().isEmpty() || e.getKey().contains("=") || !Float.isFinite(e.getValue())) {
          throw new IllegalArgumentException(
              "bad logit bias " + e.getKey() + "=" + e.getValue() + ": need TOKEN and a number");
        }
      }
      if (script == null) {
        script =
            findScript(Path.of(""))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            SCRIPT
                                + " not found above "
                                + Path.of("").toAbsolutePath()
                                + "; run from the repository or pass the script path"));
      } else if (!Files.isRegularFile(script)) {
        throw new IllegalArgumentException("stand-in script not found: " + script);
      }
      return new WhisperStandInGenerator(this);
    }
  }
}
