package io.livesubs.sink;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Checks before start that the cue topic exists (Kafka Streams cannot start on a missing source
 * topic), creating it when asked to. Stateless.
 */
final class InputTopic {

  private static final long TIMEOUT_S = 30;

  private InputTopic() {}

  /**
   * Makes sure the builder's input topic exists.
   *
   * @throws IllegalStateException when it is missing and may not be created, or the broker cannot
   *     be asked
   */
  static void ensure(SubtitleServiceBuilder b) {
    String topic = b.subtitleConfig().inputTopic();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      if (admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      if (b.createTopicPartitions == 0) {
        throw new IllegalStateException(
            "cue topic '" + topic + "' does not exist; create it or ask for it to be created");
      }
      // Not compacted: the key is the stream id, so compaction would keep one cue per stream.
      NewTopic newTopic = new NewTopic(topic, b.createTopicPartitions, (short) -1);
      try {
        admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_S, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot check cue topic '" + topic + "' at " + b.bootstrapServers + ": " + e, e);
    }
  }
}
