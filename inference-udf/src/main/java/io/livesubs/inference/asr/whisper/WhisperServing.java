package io.livesubs.inference.asr.whisper;

import io.livesubs.inference.asr.whisper.batch.WhisperBatchService;
import io.livesubs.inference.asr.whisper.decoding.GreedyDecoder;
import io.livesubs.inference.asr.whisper.model.WhisperInference;
import io.livesubs.inference.asr.whisper.model.WhisperModelConfig;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What serves all streams of one model in a JVM: the model, its assets, the decoder and the batch
 * service. Thread-safe. {@link #close()} is idempotent: it stops the batch service, then closes the
 * model when this object owns it.
 */
final class WhisperServing implements AutoCloseable {
  private final WhisperInference model;
  private final boolean ownsModel;
  private final WhisperAssets assets;
  private final GreedyDecoder decoder;
  private final WhisperBatchService batchService;
  private final AtomicBoolean closed = new AtomicBoolean();

  WhisperServing(
      WhisperInference model, boolean ownsModel, WhisperAssets assets, WhisperEngineConfig config) {
    this.model = model;
    this.ownsModel = ownsModel;
    this.assets = assets;
    this.decoder = new GreedyDecoder(assets.tokenizer(), model.config());
    this.batchService = new WhisperBatchService(model, decoder, config.batching());
  }

  WhisperInference model() {
    return model;
  }

  WhisperModelConfig modelConfig() {
    return model.config();
  }

  WhisperAssets assets() {
    return assets;
  }

  WhisperBatchService batchService() {
    return batchService;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      batchService.close();
      if (ownsModel) {
        model.close();
      }
    }
  }
}
