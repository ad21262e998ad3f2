package io.livesubs.inference.mt.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the corpus metrics. Stateless. */
final class Corpus {
  private Corpus() {}

  /**
   * The references of each hypothesis: per sentence, the non-empty references of all streams.
   *
   * @throws IllegalArgumentException if a stream's length differs from the hypotheses' or a
   *     sentence has no non-empty reference (sacreBLEU refuses those as well)
   */
  static List<List<String>> transpose(
      List<String> hypotheses, List<? extends List<String>> referenceStreams) {
    Objects.requireNonNull(hypotheses, "hypotheses");
    Objects.requireNonNull(referenceStreams, "referenceStreams");
    if (referenceStreams.isEmpty()) {
      throw new IllegalArgumentException("at least one reference stream is needed");
    }
    for (List<String> stream : referenceStreams) {
      if (stream.size() != hypotheses.size()) {
        throw new IllegalArgumentException(
            hypotheses.size() + " hypotheses but " + stream.size() + " references");
      }
    }
    List<List<String>> out = new ArrayList<>(hypotheses.size());
    for (int i = 0; i < hypotheses.size(); i++) {
      Objects.requireNonNull(hypotheses.get(i), () -> "hypotheses must not contain null");
      List<String> refs = new ArrayList<>();
      for (List<String> stream : referenceStreams) {
        String ref = stream.get(i);
        if (ref != null && !ref.isEmpty()) {
          refs.add(ref);
        }
      }
      if (refs.isEmpty()) {
        throw new IllegalArgumentException("sentence " + (i + 1) + " has no (non-empty) reference");
      }
      out.add(refs);
    }
    return out;
  }

  /** {@code value} with two decimals, rounded half-even on its exact binary value, as Python. */
  static String twoDecimals(double value) {
    return new java.math.BigDecimal(value)
        .setScale(2, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
  }
}
