package io.livesubs.inference.asr.whisper.model;

import java.util.List;

/**
 * How a Whisper ONNX export packages its decoder (the layouts written by Hugging Face optimum and
 * published by onnx-community).
 */
public enum DecoderLayout {
  /**
   * One file, {@code decoder_model_merged.onnx}: an {@code If} on the {@code use_cache_branch}
   * input selects the first step (no cache; computes the cross-attention cache from {@code
   * encoder_hidden_states}) or a cached step. Weights are stored once.
   */
  MERGED("decoder_model_merged.onnx"),

  /**
   * Two files: {@code decoder_model.onnx} for the first step and {@code
   * decoder_with_past_model.onnx} for the cached steps (weights stored twice).
   */
  SPLIT("decoder_model.onnx", "decoder_with_past_model.onnx");

  private final List<String> files;

  DecoderLayout(String... files) {
    this.files = List.of(files);
  }

  /** File names of this layout: the first-step (or merged) decoder, then the cached one if any. */
  public List<String> files() {
    return files;
  }
}
