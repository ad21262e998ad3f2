package io.livesubs.inference.mt.marian.tokenizer;

import java.util.Arrays;
import java.util.Objects;

/**
 * A SentencePiece model's text normalisation ({@code NormalizerSpec}): the rule set's name (e.g.
 * {@code nmt_nfkc}), the rules compiled into a character map, and the whitespace options.
 * Immutable: the character map is copied in and out.
 *
 * @param name the rule set the model was trained with (informational; the map holds the rules)
 * @param precompiledCharsMap the compiled rules (may be empty: no character rewriting)
 * @param addDummyPrefix whether a space is put before the text, so that the first word gets the
 *     same pieces as any other
 * @param removeExtraWhitespaces whether leading, trailing and repeated spaces are dropped
 * @param escapeWhitespaces whether spaces become {@code ▁} (U+2581)
 */
public record NormalizerSpec(
    String name,
    byte[] precompiledCharsMap,
    boolean addDummyPrefix,
    boolean removeExtraWhitespaces,
    boolean escapeWhitespaces) {

  /** Copies the character map. */
  public NormalizerSpec {
    Objects.requireNonNull(name, "name");
    precompiledCharsMap = precompiledCharsMap.clone();
  }

  /** A copy of the compiled rules. */
  @Override
  public byte[] precompiledCharsMap() {
    return precompiledCharsMap.clone();
  }

  /** Equal when every component, the character map by content, is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof NormalizerSpec n
        && name.equals(n.name)
        && Arrays.equals(precompiledCharsMap, n.precompiledCharsMap)
        && addDummyPrefix == n.addDummyPrefix
        && removeExtraWhitespaces == n.removeExtraWhitespaces
        && escapeWhitespaces == n.escapeWhitespaces;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        Arrays.hashCode(precompiledCharsMap),
        addDummyPrefix,
        removeExtraWhitespaces,
        escapeWhitespaces);
  }

  @Override
  public String toString() {
    return "NormalizerSpec["
        + name
        + ", charsmap "
        + precompiledCharsMap.length
        + " bytes, dummyPrefix="
        + addDummyPrefix
        + ", removeExtraWhitespaces="
        + removeExtraWhitespaces
        + ", escapeWhitespaces="
        + escapeWhitespaces
        + "]";
  }
}
