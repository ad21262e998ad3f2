package io.livesubs.inference.mt.marian;

import ai.onnxruntime.OrtException;
import io.livesubs.inference.models.ModelLoadException;
import io.livesubs.inference.mt.TranslationException;
import io.livesubs.inference.mt.Translator;
import io.livesubs.inference.mt.marian.model.EncodedBatch;
import io.livesubs.inference.mt.marian.model.MarianModelConfig;
import io.livesubs.inference.mt.marian.model.MarianModelFolder;
import io.livesubs.inference.mt.marian.model.MarianOnnxModel;
import io.livesubs.inference.mt.marian.model.StepDecoder;
import io.livesubs.inference.mt.marian.search.BeamSearch;
import io.livesubs.inference.mt.marian.search.GreedySearch;
import io.livesubs.inference.mt.marian.search.SearchSettings;
import io.livesubs.inference.mt.marian.tokenizer.MarianTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Neural translation with a MarianMT (Helsinki-NLP opus-mt) model exported to ONNX, on the CPU or a
 * CUDA GPU through ONNX Runtime. The model folder has the layout of Hugging Face optimum exports
 * ({@link MarianModelFolder}); the tokenizer is the model's own SentencePiece files ({@link
 * MarianTokenizer}).
 *
 * <p><b>Decoding.</b> A call's sentences are sorted by length and run in batches of up to {@link
 * MarianTranslatorConfig#maxBatchSize()}: the encoder once per batch, then greedy or beam search
 * over the decoder with the KV cache. Sentences that finish leave the batch. Results do not depend
 * on which other sentences share a batch. Blank sentences translate to the empty string without
 * running the model; sources longer than the model's position table are cut at its end.
 *
 * <p><b>Languages.</b> One model serves one source language and its target language(s) ({@link
 * #supports}); only primary language subtags are compared ({@code en-GB} is {@code en}).
 *
 * <p><b>Threading.</b> Thread-safe: one instance per JVM can serve every caller; calls run
 * concurrently on the shared sessions. {@link #close()} waits for calls in progress, releases the
 * sessions and is idempotent; later calls throw {@link TranslationException}.
 */
public final class MarianTranslator implements Translator {
  private final MarianTranslatorConfig config;
  private final MarianModelFolder folder;
  private final MarianTokenizer tokenizer;
  private final MarianOnnxModel model;
  private final MarianLanguages languages;
  private final SearchSettings search;
  private final int maxSourceTokens;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final AtomicLong translated = new AtomicLong();
  private boolean closed;

  private MarianTranslator(
      MarianTranslatorConfig config,
      MarianModelFolder folder,
      MarianModelConfig modelConfig,
      MarianTokenizer tokenizer,
      MarianOnnxModel model) {
    this.config = config;
    this.folder = folder;
    this.tokenizer = tokenizer;
    this.model = model;
    this.languages = MarianLanguages.of(config, modelConfig, tokenizer.vocabulary());
    this.maxSourceTokens = modelConfig.maxPositions();
    this.search =
        new SearchSettings(
            config.beamSize(),
            Math.min(config.maxOutputTokens(), modelConfig.maxPositions()),
            modelConfig.decoderStartTokenId(),
            modelConfig.eosTokenId(),
            modelConfig.bannedTokenIds(),
            1.0);
  }

  /**
   * Loads the model and tokenizer that {@code config} names.
   *
   * @throws ModelLoadException naming the folder and what is missing or wrong in it
   */
  public static MarianTranslator open(MarianTranslatorConfig config) {
    MarianModelFolder folder = MarianModelFolder.locate(config.modelDir());
    MarianModelConfig modelConfig = MarianModelConfig.read(folder);
    MarianTokenizer tokenizer = MarianTokenizer.load(folder.dir());
    if (tokenizer.vocabulary().size() != modelConfig.vocabSize()) {
      throw new ModelLoadException(
          folder.dir()
              + ": vocab.json has "
              + tokenizer.vocabulary().size()
              + " entries but config.json says vocab_size "
              + modelConfig.vocabSize());
    }
    MarianOnnxModel model =
        MarianOnnxModel.open(folder, modelConfig, config.session(), config.kvCache());
    try {
      return new MarianTranslator(config, folder, modelConfig, tokenizer, model);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** {@code marian:} and the model folder's name, e.g. {@code marian:opus-mt-en-de}. */
  @Override
  public String name() {
    return "marian:" + folder.name();
  }

  @Override
  public boolean supports(String source, String target) {
    return languages.supports(source, target);
  }

  @Override
  public List<String> translate(String source, String target, List<String> sentences)
      throws TranslationException {
    List<int[]> ids = translateToIds(source, target, sentences);
    List<String> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(sentences.get(i).isBlank() ? "" : tokenizer.decode(ids.get(i)));
    }
    return out;
  }

  /**
   * The output token ids of each sentence (without {@code </s>}), as {@link #translate} decodes
   * them; blank sentences give no tokens.
   *
   * @throws IllegalArgumentException if the pair is not supported or a sentence is null
   * @throws TranslationException if ONNX Runtime fails or the translator is closed
   */
  public List<int[]> translateToIds(String source, String target, List<String> sentences)
      throws TranslationException {
    Objects.requireNonNull(sentences, "sentences");
    sentences.forEach(s -> Objects.requireNonNull(s, "sentences must not contain null"));
    if (!supports(source, target)) {
      throw new IllegalArgumentException(
          name() + " translates " + languages + ", not " + source + " → " + target);
    }
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new TranslationException(name() + ": the translator is closed");
      }
      int[][] sourceIds = new int[sentences.size()][];
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < sentences.size(); i++) {
        if (!sentences.get(i).isBlank()) {
          sourceIds[i] = sourceIds(sentences.get(i), target);
          order.add(i);
        }
      }
      // Similar lengths together waste the least work on padding.
      order.sort(Comparator.comparingInt(i -> sourceIds[i].length));
      int[][] outputs = new int[sentences.size()][0];
      for (int from = 0; from < order.size(); from += config.maxBatchSize()) {
        List<Integer> batch =
            order.subList(from, Math.min(order.size(), from + config.maxBatchSize()));
        int[][] batchIds = batch.stream().map(i -> sourceIds[i]).toArray(int[][]::new);
        int[][] generated = generate(batchIds);
        for (int b = 0; b < batch.size(); b++) {
          outputs[batch.get(b)] = generated[b];
        }
      }
      translated.addAndGet(sentences.size());
      return Arrays.asList(outputs);
    } catch (OrtException e) {
      throw new TranslationException(name() + ": ONNX Runtime failed: " + e.getMessage(), e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private int[] sourceIds(String sentence, String target) {
    int[] ids = tokenizer.encode(sentence);
    if (languages.targetTokens()) {
      int[] withToken = new int[ids.length + 1];
      withToken[0] = tokenizer.languageToken(primarySubtag(target)).orElseThrow();
      System.arraycopy(ids, 0, withToken, 1, ids.length);
      ids = withToken;
    }
    if (ids.length > maxSourceTokens) {
      // The position table ends here; keep the start and the closing </s>.
      int[] cut = Arrays.copyOf(ids, maxSourceTokens);
      cut[maxSourceTokens - 1] = tokenizer.eosId();
      ids = cut;
    }
    return ids;
  }

  private int[][] generate(int[][] batchIds) throws OrtException {
    try (EncodedBatch encoded = model.encode(batchIds);
        StepDecoder decoder = model.decoder(encoded, config.kvCache())) {
      return search.beamSize() == 1
          ? GreedySearch.run(decoder, search)
          : BeamSearch.run(decoder, search);
    }
  }

  /** The settings this translator runs with. */
  public MarianTranslatorConfig config() {
    return config;
  }

  /** The model's tokenizer. */
  public MarianTokenizer tokenizer() {
    return tokenizer;
  }

  /** Sentences translated so far. */
  public long translatedSentences() {
    return translated.get();
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        model.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "MarianTranslator("
        + folder.dir()
        + ", "
        + languages
        + ", beam "
        + config.beamSize()
        + ")";
  }

  /**
   * The primary subtag of a BCP-47 tag ({@code en} of {@code en-GB}, {@code pt} of {@code pt_BR}).
   */
  static String primarySubtag(String tag) {
    String t = tag.strip();
    int cut = 0;
    while (cut < t.length() && t.charAt(cut) != '-' && t.charAt(cut) != '_') {
      cut++;
    }
    return t.substring(0, cut);
  }
}
