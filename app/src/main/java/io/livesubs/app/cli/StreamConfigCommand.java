package io.livesubs.app.cli;

import io.livesubs.ingest.LanguageTags;
import io.livesubs.ingest.cli.CliInputException;
import io.livesubs.ingest.config.StreamConfigPublisher;
import io.livesubs.schemas.StreamConfig;
import io.livesubs.schemas.StreamIds;
import io.livesubs.schemas.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs stream-config STREAM --targets es,fr}: sets a stream's configuration in the
 * compacted topic {@code livesubs.streams}; {@code --reset} writes a tombstone instead. A running
 * job applies the change from the stream's next phrase, without a restart. A new instance per
 * execution; not thread-safe.
 */
@Command(
    name = "stream-config",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Set a stream's configuration (target languages, source language) in "
          + Topics.STREAMS
          + "; a running job applies it from the stream's next phrase.",
      "With --reset, remove it: the job's defaults apply again."
    })
public final class StreamConfigCommand implements Callable<Integer> {

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STREAM", description = "The stream id.")
  private String streamId;

  @Option(
      names = "--targets",
      split = ",",
      paramLabel = "BCP47",
      description = "Languages to translate the captions into, comma-separated (none: empty).")
  private List<String> targets = new ArrayList<>();

  @Option(
      names = "--source",
      paramLabel = "BCP47",
      description = "Spoken language of the stream (default: the job's).")
  private String source;

  @Option(names = "--reset", description = "Remove the stream's configuration.")
  private boolean reset;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  private String bootstrapServers = "localhost:9092";

  @Option(
      names = {"--schema-registry", "--schema-registry-url"},
      paramLabel = "URL",
      description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
  private String schemaRegistry = "http://localhost:8085";

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "The stream config topic (default: ${DEFAULT-VALUE}).")
  private String topic = Topics.STREAMS;

  @Override
  public Integer call() {
    if (reset && (!targets.isEmpty() || source != null)) {
      throw new CliInputException("--reset cannot be combined with --targets or --source");
    }
    StreamConfig config;
    try {
      StreamIds.validate(streamId);
      targets.forEach(LanguageTags::validate);
      if (source != null) {
        LanguageTags.validate(source);
      }
      config =
          reset
              ? null
              : StreamConfig.newBuilder()
                  .setStreamId(streamId)
                  .setSourceLanguage(source)
                  .setTargetLanguages(new ArrayList<>(targets))
                  .setUpdatedAtMs(System.currentTimeMillis())
                  .build();
    } catch (RuntimeException e) {
      throw new CliInputException(e.getMessage());
    }
    try (StreamConfigPublisher publisher = publisher()) {
      RecordMetadata at = reset ? publisher.reset(streamId) : publisher.publish(config);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%s %s in %s (partition %d, offset %d)%n",
          reset ? "reset" : "configured", streamId, at.topic(), at.partition(), at.offset());
      if (!reset) {
        out.printf("  targets: %s%n", targets.isEmpty() ? "(none)" : String.join(",", targets));
      }
      out.flush();
    }
    return 0;
  }

  private StreamConfigPublisher publisher() {
    try {
      return StreamConfigPublisher.builder()
          .bootstrapServers(bootstrapServers)
          .schemaRegistryUrl(schemaRegistry)
          .topic(topic)
          .build();
    } catch (IllegalArgumentException e) {
      throw new CliInputException(e.getMessage());
    }
  }
}
