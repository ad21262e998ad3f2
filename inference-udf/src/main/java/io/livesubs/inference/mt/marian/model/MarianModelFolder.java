package io.livesubs.inference.mt.marian.model;

import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.mt.marian.tokenizer.MarianTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of an ONNX export of a Marian model, in the layout Hugging Face optimum writes ({@code
 * optimum-cli export onnx --task text2text-generation-with-past}) and the {@code
 * onnx-community}/{@code Xenova} opus-mt repositories publish: {@code config.json} and the
 * tokenizer files ({@code source.spm}, {@code target.spm}, {@code vocab.json}, optionally {@code
 * tokenizer_config.json}) in the folder; {@code encoder_model.onnx}, {@code decoder_model.onnx} and
 * {@code decoder_with_past_model.onnx} in the folder or its {@code onnx/} subfolder.
 *
 * @param dir the model folder
 * @param encoder {@code encoder_model.onnx}
 * @param decoder {@code decoder_model.onnx} (first decoding step, or every step without a cache)
 * @param decoderWithPast {@code decoder_with_past_model.onnx} (later steps, with the KV cache)
 * @param config {@code config.json}
 */
public record MarianModelFolder(
    Path dir, Path encoder, Path decoder, Path decoderWithPast, Path config) {

  /** Encoder file name. */
  public static final String ENCODER = "encoder_model.onnx";

  /** Decoder file name (no past inputs). */
  public static final String DECODER = "decoder_model.onnx";

  /** Decoder file name (with past inputs). */
  public static final String DECODER_WITH_PAST = "decoder_with_past_model.onnx";

  /** Model configuration file name. */
  public static final String CONFIG = "config.json";

  /** Optional tokenizer settings ({@code source_lang}, {@code target_lang}). */
  public static final String TOKENIZER_CONFIG = "tokenizer_config.json";

  /**
   * Finds the files in {@code dir}.
   *
   * @throws ModelLoadException naming the folder and every missing file
   */
  public static MarianModelFolder locate(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ModelLoadException(
          "Marian model folder "
              + dir.toAbsolutePath()
              + " does not exist (expected an ONNX export of an opus-mt model: "
              + ENCODER
              + ", "
              + DECODER
              + ", "
              + DECODER_WITH_PAST
              + ", config.json, source.spm, target.spm, vocab.json)");
    }
    List<String> missing = new ArrayList<>();
    Path encoder = onnxFile(dir, ENCODER, missing);
    Path decoder = onnxFile(dir, DECODER, missing);
    Path withPast = onnxFile(dir, DECODER_WITH_PAST, missing);
    for (String name :
        List.of(
            CONFIG,
            MarianTokenizer.SOURCE_SPM,
            MarianTokenizer.TARGET_SPM,
            MarianTokenizer.VOCAB_JSON)) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new ModelLoadException(
          "Marian model folder "
              + dir.toAbsolutePath()
              + " lacks "
              + String.join(", ", missing)
              + " (ONNX files may also be in its onnx/ subfolder)");
    }
    return new MarianModelFolder(dir, encoder, decoder, withPast, dir.resolve(CONFIG));
  }

  /** The folder name, e.g. {@code opus-mt-en-mg}. */
  public String name() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  private static Path onnxFile(Path dir, String name, List<String> missing) {
    for (Path candidate : List.of(dir.resolve(name), dir.resolve("onnx").resolve(name))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    missing.add(name);
    return null;
  }
}
