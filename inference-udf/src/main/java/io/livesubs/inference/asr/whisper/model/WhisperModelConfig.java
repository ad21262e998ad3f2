package io.livesubs.inference.asr.whisper.model;

/**
 * Architecture and vocabulary of a Whisper model, read from the model folder's {@code config.json}
 * (Hugging Face layout). Immutable.
 *
 * @param name a label for logs and benchmarks, e.g. {@code whisper-base} or {@code tiny-standin}
 * @param melBins 80, or 128 for large-v3
 * @param audioContext encoder positions (1500 for 30 s windows)
 * @param textContext maximum decoder positions (448)
 * @param modelDim d_model (384 tiny, 512 base, 768 small, 1280 large)
 * @param encoderLayers encoder layer count
 * @param decoderLayers decoder layer count
 * @param heads decoder attention heads
 * @param vocabSize logits per step (51865 multilingual, 51864 English-only, 51866 large-v3)
 * @param multilingual whether language and task tokens are used
 * @param numLanguages language tokens in the vocabulary (99, or 100 for large-v3)
 */
public record WhisperModelConfig(
    String name,
    int melBins,
    int audioContext,
    int textContext,
    int modelDim,
    int encoderLayers,
    int decoderLayers,
    int heads,
    int vocabSize,
    boolean multilingual,
    int numLanguages) {

  /** Validates the components; the message names the bad one. */
  public WhisperModelConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    if (melBins != 80 && melBins != 128) {
      throw new IllegalArgumentException("melBins must be 80 or 128, got " + melBins);
    }
    requirePositive("audioContext", audioContext);
    requirePositive("textContext", textContext);
    requirePositive("modelDim", modelDim);
    requirePositive("encoderLayers", encoderLayers);
    requirePositive("decoderLayers", decoderLayers);
    requirePositive("heads", heads);
    requirePositive("vocabSize", vocabSize);
    if (modelDim % heads != 0) {
      throw new IllegalArgumentException(
          "modelDim " + modelDim + " is not a multiple of heads " + heads);
    }
  }

  /** Dimension of one attention head. */
  public int headDim() {
    return modelDim / heads;
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}
