package io.livesubs.inference.mt.marian.search;

import java.util.List;

/**
 * How to pick output tokens. Immutable.
 *
 * @param beamSize hypotheses kept per sentence; 1 is greedy decoding
 * @param maxNewTokens most tokens generated per sentence, {@code </s>} included; a sentence that
 *     reaches it ends there
 * @param startId the decoder's first input token
 * @param eosId the token that ends a sentence (not part of the returned tokens)
 * @param bannedIds tokens never generated (e.g. padding)
 * @param lengthPenalty beam search ranks finished hypotheses by {@code logprob / length^penalty}
 *     (1.0: mean log-probability per token, as Hugging Face does by default)
 */
public record SearchSettings(
    int beamSize,
    int maxNewTokens,
    int startId,
    int eosId,
    List<Integer> bannedIds,
    double lengthPenalty) {

  /** Validates the settings. */
  public SearchSettings {
    if (beamSize < 1 || beamSize > 64) {
      throw new IllegalArgumentException("beam size must be 1..64, was " + beamSize);
    }
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("maxNewTokens must be >= 1, was " + maxNewTokens);
    }
    bannedIds = List.copyOf(bannedIds);
    if (bannedIds.contains(eosId)) {
      throw new IllegalArgumentException("</s> (id " + eosId + ") cannot be banned");
    }
    if (!(lengthPenalty >= 0 && lengthPenalty <= 10)) {
      throw new IllegalArgumentException("lengthPenalty must be 0..10, was " + lengthPenalty);
    }
  }

  /** A mask over a vocabulary of {@code size} tokens, true where a token is banned. */
  boolean[] bannedMask(int size) {
    boolean[] mask = new boolean[size];
    for (int id : bannedIds) {
      if (id >= 0 && id < size) {
        mask[id] = true;
      }
    }
    return mask;
  }
}
