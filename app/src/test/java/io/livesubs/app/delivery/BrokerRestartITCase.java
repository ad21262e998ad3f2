package io.livesubs.app.delivery;

import static io.livesubs.app.delivery.DeliveryStack.awaitBody;
import static io.livesubs.app.delivery.DeliveryStack.cue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.app.stack.EmbeddedKafkaBroker;
import io.livesubs.app.stack.LivesubsTopics;
import io.livesubs.app.stack.Loopback;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.Topics;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.serde.AvroSerializer;
import io.livesubs.sink.SubtitleService;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subtitle service keeps working across a restart of the Kafka broker: the broker goes down
 * mid-stream and comes back on the same port with the same data, and the service goes on serving
 * the cues from before and picks up those produced after.
 */
class BrokerRestartITCase {

  @Test
  void serviceSurvivesABrokerRestart(@TempDir Path dir) throws Exception {
    int port = Loopback.freePort();
    Path kafkaData = dir.resolve("kafka");
    try (DevSchemaRegistry registry = new DevSchemaRegistry().start();
        CachedSchemaRegistryClient client = CachedSchemaRegistryClient.forUrl(registry.url())) {
      EmbeddedKafkaBroker broker =
          EmbeddedKafkaBroker.builder().port(port).dataDir(kafkaData).start();
      String bootstrap = broker.bootstrapServers();
      LivesubsTopics.ensure(bootstrap, LivesubsTopics.DEFAULT_PARTITIONS);
      try (SubtitleService service =
          SubtitleService.builder()
              .bootstrapServers(bootstrap)
              .registryUrl(registry.url())
              .applicationId("subs-it-broker-restart")
              .stateDir(dir.resolve("state"))
              .bindAddress(Loopback.HOST)
              .httpPort(0)
              .start()) {
        assertTrue(service.awaitRunning(DeliveryStack.DEADLINE), "running: " + service.state());
        produce(
            bootstrap, client, cue("bounce", "en", 0, 0, true, 1000, 3000, "before the restart"));
        awaitBody(service.url(), "/streams/bounce/en.vtt", "before the restart");

        broker.close();
        broker = EmbeddedKafkaBroker.builder().port(port).dataDir(kafkaData).start();

        produce(
            bootstrap, client, cue("bounce", "en", 1, 0, true, 4000, 6000, "after the restart"));
        String vtt = awaitBody(service.url(), "/streams/bounce/en.vtt", "after the restart");
        assertTrue(vtt.contains("before the restart"), vtt);
      } finally {
        broker.close();
      }
    }
  }

  private static void produce(String bootstrap, CachedSchemaRegistryClient client, SubtitleCue cue)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaProducer<String, SubtitleCue> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroSerializer<>(client, SubtitleCue.class))) {
      producer.send(new ProducerRecord<>(Topics.CUES, cue.getStreamId(), cue)).get();
    }
  }
}
