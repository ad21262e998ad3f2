package io.livesubs.app.bench;

import io.livesubs.inference.asr.whisper.model.WhisperModelFolder;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.onnx.ExecutionDevice;
import io.livesubs.ingest.cli.CliInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code livesubs bench} that select and tune the Whisper benchmark ({@link
 * WhisperBench}), mixed into {@link BenchCommand}. {@code --engine vosk} (the default) leaves the
 * Vosk benchmark as it is and rejects these options. A new instance per execution; not thread-safe.
 */
public final class WhisperBenchOptions {

  /** The options that only the Whisper benchmark takes. */
  private static final List<String> WHISPER_ONLY =
      List.of(
          "--model-dir",
          "--device",
          "--threads",
          "--batch-sizes",
          "--decode-steps",
          "--free-decoding",
          "--step-ms",
          "--segment-ms",
          "--max-streams",
          "--json");

  /** Live audio per stream and trial when {@code --duration-s} is not given. */
  static final int DEFAULT_DURATION_SECONDS = 30;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "vosk (default: the measurements above) or whisper: the model per batch size, the"
              + " batch-size curve and the most live streams with flat lag. Last line: bench:"
              + " engine=whisper device=<d> arch=<a> best_batch=<b> xrt_per_stream=<x>"
              + " live_streams=<n> final_p95_s=<p>")
  private String engine = "vosk";

  @Option(
      names = "--model-dir",
      paramLabel = "DIR",
      description = "Whisper: the model folder (required; see docs/whisper.md).")
  private Path modelDir;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      description = "Whisper: cpu (default), cuda or cuda:N.")
  private String device = "cpu";

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Whisper: ONNX Runtime intra-op threads (default: the cores on cpu, 1 on cuda).")
  private Integer threads;

  @Option(
      names = "--batch-sizes",
      split = ",",
      paramLabel = "B,B,...",
      description =
          "Whisper: batch sizes of the curve (default 1,2,4,8,16 on cpu, to 256 on cuda).")
  private List<Integer> batchSizes = new ArrayList<>();

  @Option(
      names = "--decode-steps",
      paramLabel = "N",
      description =
          "Whisper: tokens sampled per window (default: ${DEFAULT-VALUE}, about the text of a"
              + " 6-8 s window with timestamps); forced in the live streams unless"
              + " --free-decoding.")
  private int decodeSteps = 24;

  @Option(
      names = "--free-decoding",
      description =
          "Whisper: let the model decide when a window ends (real weights) instead of forcing"
              + " --decode-steps.")
  private boolean freeDecoding;

  @Option(
      names = "--step-ms",
      paramLabel = "MS",
      description = "Whisper: audio between two decodes of a stream (default: ${DEFAULT-VALUE}).")
  private int stepMs = 1000;

  @Option(
      names = "--segment-ms",
      paramLabel = "MS",
      description =
          "Whisper: length of the speech segments the live streams are cut into, each ending"
              + " in a final commit (default: ${DEFAULT-VALUE}).")
  private int segmentMs = 8000;

  @Option(
      names = "--max-streams",
      paramLabel = "N",
      description =
          "Whisper: most live streams the search tries when --streams is not given (default:"
              + " ${DEFAULT-VALUE}).")
  private int maxStreams = 1024;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Whisper: also write the batch curve and the live trials to FILE as JSON.")
  private Path json;

  /**
   * Whether the Whisper benchmark was asked for.
   *
   * @throws ParameterException for an unknown engine, or Whisper options with the Vosk one
   */
  boolean selected(CommandLine cmd) {
    if (engine.equals("whisper")) {
      return true;
    }
    if (!engine.equals("vosk")) {
      throw new ParameterException(cmd, "--engine must be vosk or whisper, was '" + engine + "'");
    }
    for (String name : WHISPER_ONLY) {
      if (cmd.getParseResult().hasMatchedOption(name)) {
        throw new ParameterException(cmd, name + " needs --engine whisper");
      }
    }
    return false;
  }

  /**
   * The Whisper benchmark with these options and the shared ones; {@code streams} and {@code
   * durationSeconds} count only when given on the command line.
   *
   * @throws ParameterException for a bad option
   * @throws CliInputException if the model folder is missing or incomplete
   */
  WhisperBench bench(CommandLine cmd, Path input, int streams, int durationSeconds) {
    return new WhisperBench(settings(cmd, input, streams, durationSeconds), cmd.getOut());
  }

  WhisperBenchSettings settings(CommandLine cmd, Path input, int streams, int durationSeconds) {
    if (modelDir == null) {
      throw new ParameterException(cmd, "--engine whisper needs --model-dir DIR");
    }
    ExecutionDevice parsed;
    try {
      parsed = ExecutionDevice.parse(device);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "--device: " + e.getMessage(), e);
    }
    WhisperBenchSettings settings;
    try {
      settings =
          new WhisperBenchSettings(
              modelDir,
              parsed,
              threads != null ? threads : WhisperBenchSettings.defaultThreads(parsed),
              cmd.getParseResult().hasMatchedOption("--streams") ? streams : null,
              maxStreams,
              batchSizes.isEmpty() ? WhisperBenchSettings.defaultBatchSizes(parsed) : batchSizes,
              decodeSteps,
              freeDecoding,
              cmd.getParseResult().hasMatchedOption("--duration-s")
                  ? durationSeconds
                  : DEFAULT_DURATION_SECONDS,
              stepMs,
              segmentMs,
              input,
              json);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, e.getMessage(), e);
    }
    try {
      WhisperModelFolder.open(modelDir);
    } catch (ModelLoadException e) {
      throw new CliInputException("--model-dir: " + e.getMessage(), e);
    }
    return settings;
  }
}
