package io.livesubs.app.models;

import io.livesubs.inference.asr.whisper.model.WhisperModelFolder;
import io.livesubs.ingest.cli.CliInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs models pull NAME}: downloads a model's files (the built-in manifest: Whisper
 * tiny, base, small as exported by onnx-community) into {@code DIR/NAME}, verifying what the
 * manifest pins, resuming interrupted downloads and skipping files already in place. A new instance
 * per execution; not thread-safe.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Download a model: whisper-tiny, whisper-base or whisper-small (ONNX exports by"
          + " onnx-community on Hugging Face, plus OpenAI's tokenizer and mel filters).",
      "Files already present and matching are skipped; interrupted downloads resume; a file"
          + " that fails its checksum is deleted and the command fails."
    })
public final class PullCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Model name, e.g. whisper-base.")
  private String model;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Models directory (default: livesubs.models.dir, $LIVESUBS_MODELS_DIR, else"
              + " inference-udf/target/models); the model goes to DIR/NAME.")
  private Path dir;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "A mirror serving every file at its remote path (replaces huggingface.co and"
              + " raw.githubusercontent.com).")
  private String baseUrl;

  @Option(
      names = "--manifest",
      paramLabel = "FILE",
      description = "A JSON manifest to use instead of the built-in one (to pin checksums).")
  private Path manifestFile;

  @Override
  public Integer call() throws Exception {
    URI mirror = parseMirror();
    ModelManifest manifest = loadManifest();
    if (!manifest.models().containsKey(model)) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown model '"
              + model
              + "' (known: "
              + String.join(", ", manifest.models().keySet())
              + ")");
    }
    Path target = (dir != null ? dir : ModelsDirectory.defaultTarget()).resolve(model);
    PrintWriter err = spec.commandLine().getErr();
    List<ModelDownloader.FileResult> results =
        new ModelDownloader(ModelDownloader.defaultClient(), err)
            .pull(manifest, model, target, mirror);
    long fetched =
        results.stream().filter(r -> r.outcome() == ModelDownloader.Outcome.DOWNLOADED).count();
    long unverified = results.stream().filter(r -> !r.file().verifiable()).count();
    String layout = describeFolder(target);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "models: %s in %s: %d downloaded, %d already present, %d without checksum in the"
            + " manifest%s%n",
        model, target, fetched, results.size() - fetched, unverified, layout);
    out.flush();
    return 0;
  }

  private URI parseMirror() {
    if (baseUrl == null) {
      return null;
    }
    try {
      URI uri = URI.create(baseUrl);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ParameterException(
        spec.commandLine(), "--base-url must be an http(s) URL, was '" + baseUrl + "'");
  }

  private ModelManifest loadManifest() {
    if (manifestFile == null) {
      return WhisperExports.MANIFEST;
    }
    if (!Files.isRegularFile(manifestFile)) {
      throw new CliInputException("manifest file not found: " + manifestFile);
    }
    try {
      return ModelManifest.read(manifestFile);
    } catch (IOException e) {
      throw new CliInputException(e.getMessage(), e);
    }
  }

  private static String describeFolder(Path target) {
    if (!Files.isRegularFile(target.resolve(WhisperModelFolder.CONFIG))) {
      return "";
    }
    try {
      return "; Whisper folder " + WhisperModelFolder.open(target);
    } catch (RuntimeException e) {
      return "; not a complete Whisper folder: " + e.getMessage();
    }
  }
}
