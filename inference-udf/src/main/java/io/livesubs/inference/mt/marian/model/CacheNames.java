package io.livesubs.inference.mt.marian.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the KV-cache inputs and outputs of optimum's seq2seq decoder exports: {@code
 * past_key_values.{layer}.{decoder|encoder}.{key|value}} in, {@code
 * present.{layer}.{decoder|encoder}.{key|value}} out. The decoder side is self-attention (grows by
 * one position a step); the encoder side is cross-attention (fixed after the first step).
 */
final class CacheNames {
  private static final String PAST = "past_key_values.";
  private static final String PRESENT = "present.";
  private static final List<String> KINDS = List.of("key", "value");

  private CacheNames() {}

  /** Present outputs of every layer: decoder key and value, then (if asked) encoder ones. */
  static List<String> presents(int layers, boolean withEncoder) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      for (String kind : KINDS) {
        out.add(PRESENT + i + ".decoder." + kind);
      }
      if (withEncoder) {
        for (String kind : KINDS) {
          out.add(PRESENT + i + ".encoder." + kind);
        }
      }
    }
    return out;
  }

  /** Past inputs of every layer, decoder and encoder sides. */
  static List<String> pasts(int layers) {
    return presents(layers, true).stream().map(CacheNames::pastOf).toList();
  }

  /** The past input fed by present output {@code present}. */
  static String pastOf(String present) {
    return PAST + present.substring(PRESENT.length());
  }

  /** Whether {@code name} is an encoder-side (cross-attention) cache entry. */
  static boolean isEncoderSide(String name) {
    return name.contains(".encoder.");
  }
}
