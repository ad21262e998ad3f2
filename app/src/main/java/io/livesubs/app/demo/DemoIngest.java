package io.livesubs.app.demo;

import io.livesubs.ingest.AudioChunkProducer;
import io.livesubs.ingest.IngestRunner;
import io.livesubs.ingest.IngestSummary;
import io.livesubs.ingest.KafkaChunkSink;
import io.livesubs.ingest.Pacer;
import io.livesubs.ingest.audio.WavFileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the demo's audio to Kafka as one stream per id, all from one reading of the media file,
 * through one shared producer: chunks of {@value DemoSettings#CHUNK_MS} ms, every stream starting
 * at the same capture time, paced like live audio or as fast as Kafka takes it. Runs on the calling
 * thread; stateless.
 */
final class DemoIngest {

  private DemoIngest() {}

  /**
   * Sends the whole file to every stream, ends the streams and waits for delivery.
   *
   * @throws io.livesubs.ingest.IngestException if Kafka or the registry fails
   */
  static IngestSummary send(
      Path media,
      List<String> streamIds,
      String language,
      boolean realtime,
      String bootstrapServers,
      String registryUrl)
      throws IOException, InterruptedException {
    try (KafkaChunkSink sink =
            KafkaChunkSink.builder()
                .bootstrapServers(bootstrapServers)
                .schemaRegistryUrl(registryUrl)
                .build();
        WavFileSource source = WavFileSource.open(media)) {
      List<AudioChunkProducer> producers = new ArrayList<>();
      try {
        long startEpochMs = System.currentTimeMillis();
        for (String id : streamIds) {
          producers.add(
              AudioChunkProducer.builder()
                  .sink(sink)
                  .streamId(id)
                  .chunkMs(DemoSettings.CHUNK_MS)
                  .languageHint(language)
                  .streamStartEpochMs(startEpochMs)
                  .build());
        }
        return new IngestRunner(
                source,
                producers,
                DemoSettings.CHUNK_MS,
                realtime ? Pacer.realtime() : null,
                null,
                System::nanoTime)
            .run();
      } finally {
        producers.forEach(AudioChunkProducer::close);
      }
    }
  }
}
