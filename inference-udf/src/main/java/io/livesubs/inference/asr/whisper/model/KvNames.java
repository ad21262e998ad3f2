package io.livesubs.inference.asr.whisper.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Input and output names of the optimum Whisper decoder export: {@code
 * past_key_values.{i}.{decoder|encoder}.{key|value}} in, {@code present.{i}...} out. Stateless.
 */
final class KvNames {
  static final String INPUT_IDS = "input_ids";
  static final String ENCODER_HIDDEN_STATES = "encoder_hidden_states";
  static final String USE_CACHE_BRANCH = "use_cache_branch";
  static final String LOGITS = "logits";
  static final String INPUT_FEATURES = "input_features";
  static final String LAST_HIDDEN_STATE = "last_hidden_state";

  private static final String[] KINDS = {"key", "value"};

  private KvNames() {}

  /** Past inputs of the self-attention ({@code decoder}) or cross-attention ({@code encoder}). */
  static List<String> past(int layers, boolean selfAttention) {
    return names("past_key_values", layers, selfAttention);
  }

  /** Present outputs of the self-attention or cross-attention. */
  static List<String> present(int layers, boolean selfAttention) {
    return names("present", layers, selfAttention);
  }

  /** The present output that feeds {@code pastName} at the next step. */
  static String presentFor(String pastName) {
    return "present" + pastName.substring("past_key_values".length());
  }

  /** Whether {@code name} belongs to the cross-attention cache. */
  static boolean isCrossAttention(String name) {
    return name.contains(".encoder.");
  }

  private static List<String> names(String prefix, int layers, boolean selfAttention) {
    String part = selfAttention ? "decoder" : "encoder";
    List<String> out = new ArrayList<>(2 * layers);
    for (int i = 0; i < layers; i++) {
      for (String kind : KINDS) {
        out.add(prefix + "." + i + "." + part + "." + kind);
      }
    }
    return out;
  }
}
