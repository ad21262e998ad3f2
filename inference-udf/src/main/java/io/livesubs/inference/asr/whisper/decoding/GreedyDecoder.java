package io.livesubs.inference.asr.whisper.decoding;

import io.livesubs.inference.asr.whisper.model.DecoderBatch;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperSpecialTokens;
import io.livesubs.inference.asr.whisper.tokenizer.WhisperTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Greedy (argmax) decoding of a batch of windows in lock step over a {@link DecoderBatch}: every
 * row feeds one token per step, first its forced prefix ({@code <|startofprev|>} and previous text,
 * {@code <|startoftranscript|>}, language, task, maybe {@code <|notimestamps|>}), then what it
 * sampled. Rows with shorter prefixes start sampling earlier; rows that are done feed {@code
 * <|endoftext|>} until the last row is done. Each row's result depends on its own window and
 * request only.
 *
 * <p>Per row: the no-speech probability and (without a language) language detection at the
 * start-of-transcript position, the {@link LogitFilters filters} of its options, the {@link
 * RepetitionGuard repetition stop}, then the window guards of {@link WindowResult}.
 *
 * <p>Thread-safe: holds only immutable state and a cache of filter chains; each {@link #decode}
 * call uses the caller's batch.
 */
public final class GreedyDecoder {
  private final WhisperTokenizer tokenizer;
  private final WhisperSpecialTokens specials;
  private final int textContext;
  private final LogitFilters filters;
  private final WindowAssembler assembler;
  private final Map<DecodeOptions, List<LogitFilter>> chains = new ConcurrentHashMap<>();

  /**
   * @throws IllegalArgumentException if the tokenizer does not match the model's vocabulary
   */
  public GreedyDecoder(WhisperTokenizer tokenizer, WhisperModelConfig model) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    if (tokenizer.vocabSize() != model.vocabSize()
        || tokenizer.isMultilingual() != model.multilingual()) {
      throw new IllegalArgumentException(
          "tokenizer (vocabulary "
              + tokenizer.vocabSize()
              + (tokenizer.isMultilingual() ? ", multilingual" : ", English-only")
              + ") does not fit model "
              + model.name()
              + " (vocabulary "
              + model.vocabSize()
              + (model.multilingual() ? ", multilingual)" : ", English-only)"));
    }
    this.specials = tokenizer.specials();
    this.textContext = model.textContext();
    this.filters = new LogitFilters(tokenizer);
    this.assembler = new WindowAssembler(new SegmentParser(tokenizer));
  }

  /** The tokenizer this decoder uses. */
  public WhisperTokenizer tokenizer() {
    return tokenizer;
  }

  /**
   * The tokens a row with {@code request} feeds before sampling; -1 stands for a language still to
   * be detected. Call it to validate a request early.
   *
   * @throws IllegalArgumentException if the language or task does not fit the model, or a previous
   *     token is not a text token
   */
  public int[] forcedTokens(DecodeRequest request) {
    return prefix(request).tokens();
  }

  /**
   * Decodes every row of {@code batch}, row {@code i} with {@code requests.get(i)}. The batch must
   * be fresh (nothing fed yet); it is not closed.
   *
   * @return one result per row, in row order
   * @throws IllegalArgumentException if the sizes differ or a request is invalid
   * @throws IllegalStateException if the batch was already used or the model misbehaves
   */
  public List<WindowResult> decode(DecoderBatch batch, List<DecodeRequest> requests) {
    if (batch.size() != requests.size()) {
      throw new IllegalArgumentException(
          "batch has " + batch.size() + " rows but " + requests.size() + " requests were given");
    }
    if (batch.position() != 0) {
      throw new IllegalStateException("decoder batch was already used");
    }
    List<RowDecoder> rows = new ArrayList<>(requests.size());
    for (DecodeRequest request : requests) {
      List<LogitFilter> chain = chains.computeIfAbsent(request.options(), filters::forOptions);
      rows.add(new RowDecoder(prefix(request), request, chain, specials, textContext));
    }
    int[] tokens = new int[rows.size()];
    while (!rows.stream().allMatch(RowDecoder::done)) {
      if (batch.position() >= textContext) {
        rows.forEach(RowDecoder::stopForContext);
        break;
      }
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = rows.get(i).nextInput();
      }
      float[][] logits = batch.step(tokens);
      int position = batch.position();
      for (int i = 0; i < tokens.length; i++) {
        rows.get(i).accept(logits[i], position);
      }
    }
    List<WindowResult> results = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      results.add(assembler.assemble(rows.get(i).outcome(), requests.get(i)));
    }
    return results;
  }

  private ForcedPrefix prefix(DecodeRequest request) {
    DecodePrefix prefix = request.prefix();
    List<Integer> previous = prefix.previousTokens();
    int keep = Math.min(previous.size(), textContext / 2 - 1);
    int[] sot =
        tokenizer.sotSequence(prefix.language(), prefix.task(), request.options().timestamps());
    boolean detect = tokenizer.isMultilingual() && prefix.language() == null;
    int size = (keep > 0 ? 1 + keep : 0) + sot.length + (detect ? 1 : 0);
    int[] out = new int[size];
    int n = 0;
    if (keep > 0) {
      out[n++] = specials.startOfPrev();
      for (int token : previous.subList(previous.size() - keep, previous.size())) {
        if (token < 0 || token >= specials.endOfText()) {
          throw new IllegalArgumentException(
              "previous text may hold text tokens only, got " + token);
        }
        out[n++] = token;
      }
    }
    int sotIndex = n;
    out[n++] = sot[0];
    if (detect) {
      out[n++] = RowDecoder.DETECT_LANGUAGE;
    }
    System.arraycopy(sot, 1, out, n, sot.length - 1);
    String language =
        !tokenizer.isMultilingual()
            ? "en"
            : detect ? null : specials.languageOf(specials.languageToken(prefix.language()));
    return new ForcedPrefix(out, sotIndex, language);
  }
}
