package io.livesubs.app.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in manifest: Whisper tiny, base and small as exported to ONNX by onnx-community on
 * Hugging Face (fp32 {@code encoder_model.onnx} and {@code decoder_model_merged.onnx} in {@code
 * onnx/}, {@code config.json}, {@code generation_config.json}), plus OpenAI's tokenizer ranks and
 * mel filters from the openai/whisper repository, which the engine reads.
 *
 * <p>The two OpenAI assets carry size and SHA-256 (those of the copies in {@code
 * ../shared/models/whisper-tokenizer}). The Hugging Face files carry neither: their checksums could
 * not be looked up where this was written, and {@code main} moves. {@code models pull} prints the
 * SHA-256 of every unverified file it fetches; to pin them, write a manifest of the same shape with
 * the digests (and a fixed revision instead of {@code main}) and pass it with {@code --manifest}.
 *
 * <p>Immutable.
 */
public final class WhisperExports {
  /** Source name of the Hugging Face hub. */
  public static final String HUGGING_FACE = "huggingface";

  /** Source name of GitHub's raw file host. */
  public static final String GITHUB_RAW = "github";

  /** Model names in the built-in manifest. */
  public static final List<String> MODELS =
      List.of("whisper-tiny", "whisper-base", "whisper-small");

  /** The built-in manifest. */
  public static final ModelManifest MANIFEST = build();

  private static final String OPENAI_ASSETS = "openai/whisper/main/whisper/assets/";

  private WhisperExports() {}

  private static ModelManifest build() {
    Map<String, List<ManifestFile>> models = new LinkedHashMap<>();
    for (String model : MODELS) {
      String repo = "onnx-community/" + model + "/resolve/main/";
      List<ManifestFile> files = new ArrayList<>();
      for (String path :
          List.of(
              "config.json",
              "generation_config.json",
              "onnx/encoder_model.onnx",
              "onnx/decoder_model_merged.onnx")) {
        files.add(new ManifestFile(path, HUGGING_FACE, repo + path, null, null));
      }
      files.add(
          new ManifestFile(
              "multilingual.tiktoken",
              GITHUB_RAW,
              OPENAI_ASSETS + "multilingual.tiktoken",
              816_730L,
              "b34b360dbb493e781e479794586d661700670d65564001f23024971d1f2fa126"));
      files.add(
          new ManifestFile(
              "mel_filters.npz",
              GITHUB_RAW,
              OPENAI_ASSETS + "mel_filters.npz",
              4_271L,
              "7450ae70723a5ef9d341e3cee628c7cb0177f36ce42c44b7ed2bf3325f0f6d4c"));
      models.put(model, files);
    }
    return new ModelManifest(
        Map.of(
            HUGGING_FACE, "https://huggingface.co/",
            GITHUB_RAW, "https://raw.githubusercontent.com/"),
        models);
  }
}
