package io.livesubs.inference.mt.marian.search;

import ai.onnxruntime.OrtException;
import io.livesubs.inference.mt.marian.model.StepDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search as Hugging Face runs it for Marian with {@code early_stopping=True}: each sentence
 * keeps {@code k} hypotheses; every step ranks the {@code 2k} best continuations of each by total
 * log-probability; a {@code </s>} among the first {@code k} finishes a hypothesis, the best {@code
 * k} others continue; a sentence is done when it has {@code k} finished hypotheses (or at the
 * length limit, where its open hypotheses count as finished). The answer is the finished hypothesis
 * with the best {@code logprob / length^lengthPenalty} ({@code </s>} counts as a token).
 *
 * <p>Ties go to the higher logit, then the lower token id, so a beam of one picks exactly the
 * tokens of {@link GreedySearch}. Stateless; the decoder is the caller's.
 */
public final class BeamSearch {
  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::score)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Candidate::logit).reversed())
          .thenComparingInt(Candidate::token)
          .thenComparingInt(Candidate::beam);

  private BeamSearch() {}

  /**
   * Decodes every row of {@code decoder} (one per sentence); the decoder's rows become the beams.
   *
   * @return per sentence, the best hypothesis's tokens without {@code </s>}
   */
  public static int[][] run(StepDecoder decoder, SearchSettings settings) throws OrtException {
    int sentences = decoder.rows();
    int k = settings.beamSize();
    List<List<Hypothesis>> live = new ArrayList<>();
    List<List<Hypothesis>> finished = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      live.add(List.of(new Hypothesis(new int[0], 0, false)));
      finished.add(new ArrayList<>());
    }
    long[] next = new long[sentences];
    Arrays.fill(next, settings.startId());
    boolean[] banned = null;
    for (int step = 0; step < settings.maxNewTokens() && next.length > 0; step++) {
      boolean last = step + 1 == settings.maxNewTokens();
      float[] logits = decoder.step(next);
      int vocab = logits.length / next.length;
      if (banned == null) {
        banned = settings.bannedMask(vocab);
      }
      List<Integer> keep = new ArrayList<>();
      int row = 0;
      for (int s = 0; s < sentences; s++) {
        List<Hypothesis> beams = live.get(s);
        if (beams.isEmpty()) {
          continue;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int b = 0; b < beams.size(); b++, row++) {
          int from = row * vocab;
          double logZ = LogitMath.logSumExp(logits, from, vocab, banned);
          for (int token : LogitMath.topK(logits, from, vocab, banned, 2 * k)) {
            float logit = logits[from + token];
            candidates.add(
                new Candidate(b, row, token, logit, beams.get(b).score() + (logit - logZ)));
          }
        }
        candidates.sort(BEST_FIRST);
        List<Hypothesis> continuing = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int rank = 0; rank < candidates.size() && continuing.size() < k; rank++) {
          Candidate c = candidates.get(rank);
          Hypothesis parent = beams.get(c.beam());
          if (c.token() == settings.eosId()) {
            if (rank < k) {
              finished.get(s).add(new Hypothesis(parent.tokens(), c.score(), true));
            }
          } else {
            continuing.add(parent.extend(c.token(), c.score()));
            rows.add(c.row());
          }
        }
        if (finished.get(s).size() >= k || last || continuing.isEmpty()) {
          finished.get(s).addAll(last || finished.get(s).isEmpty() ? continuing : List.of());
          live.set(s, List.of());
        } else {
          live.set(s, continuing);
          keep.addAll(rows);
        }
      }
      next = new long[keep.size()];
      int i = 0;
      for (List<Hypothesis> beams : live) {
        for (Hypothesis h : beams) {
          next[i++] = h.tokens()[h.tokens().length - 1];
        }
      }
      if (!keep.isEmpty() && !last) {
        decoder.keepRows(keep.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    int[][] out = new int[sentences][];
    for (int s = 0; s < sentences; s++) {
      out[s] = best(finished.get(s), settings.lengthPenalty()).tokens();
    }
    return out;
  }

  private static Hypothesis best(List<Hypothesis> hypotheses, double lengthPenalty) {
    Hypothesis best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Hypothesis h : hypotheses) {
      double normalized = h.score() / Math.pow(Math.max(1, h.length()), lengthPenalty);
      if (best == null || normalized > bestScore) {
        best = h;
        bestScore = normalized;
      }
    }
    return best == null ? new Hypothesis(new int[0], 0, true) : best;
  }

  /** A continuation: {@code token} after beam {@code beam} (decoder row {@code row}). */
  private record Candidate(int beam, int row, int token, float logit, double score) {}

  /** A partial or finished output: its tokens (no {@code </s>}) and summed log-probability. */
  private record Hypothesis(int[] tokens, double score, boolean ended) {
    Hypothesis extend(int token, double newScore) {
      int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
      longer[tokens.length] = token;
      return new Hypothesis(longer, newScore, false);
    }

    int length() {
      return tokens.length + (ended ? 1 : 0);
    }
  }
}
