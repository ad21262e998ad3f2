package io.livesubs.app.stack;

import io.livesubs.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The livesubs topics and their settings, and an idempotent way to create them.
 *
 * <ul>
 *   <li>{@value Topics#AUDIO}: audio chunks, {@code delete} retention of 24 hours; audio is only
 *       useful while it is live or being caught up on.
 *   <li>{@value Topics#STREAMS}: per-stream configuration, {@code compact}: the latest config of
 *       each stream (the key) is what matters, and it must survive forever.
 *   <li>{@value Topics#CUES}: subtitle cues, {@code delete} retention of 7 days. Not compacted on
 *       purpose: the key is the stream id, while a cue's identity (stream, language, cue seq,
 *       revision) is in the value, so compaction would keep only the last cue of each stream.
 *   <li>{@value Topics#AUDIO_DLQ}: dead letters with their reason, {@code delete} retention of 7
 *       days so that an operator has time to look; one partition (low volume, order irrelevant).
 * </ul>
 *
 * <p>Audio, streams and cues share one partition count, so that all three are co-partitioned by
 * stream id (Kafka Streams joins in sink-subtitles rely on it). The replication factor is the
 * broker's {@code default.replication.factor}. Stateless and thread-safe.
 */
public final class LivesubsTopics {

  /** Default partition count of the audio, streams and cues topics. */
  public static final int DEFAULT_PARTITIONS = 4;

  static final Duration AUDIO_RETENTION = Duration.ofHours(24);
  static final Duration CUES_RETENTION = Duration.ofDays(7);
  static final Duration DLQ_RETENTION = Duration.ofDays(7);

  private LivesubsTopics() {}

  /** The four topic definitions, with {@code partitions} for audio, streams and cues. */
  public static List<NewTopic> definitions(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    return List.of(
        topic(Topics.AUDIO, partitions, deleteAfter(AUDIO_RETENTION)),
        topic(Topics.STREAMS, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")),
        topic(Topics.CUES, partitions, deleteAfter(CUES_RETENTION)),
        topic(Topics.AUDIO_DLQ, 1, deleteAfter(DLQ_RETENTION)));
  }

  /**
   * Creates whichever of the topics do not exist yet; existing topics are left as they are.
   *
   * @return the names of the topics this call created
   */
  public static Set<String> ensure(Admin admin, int partitions) {
    List<NewTopic> wanted = definitions(partitions);
    CreateTopicsResult result = admin.createTopics(wanted);
    Set<String> created = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    for (NewTopic topic : wanted) {
      try {
        result.values().get(topic.name()).get();
        created.add(topic.name());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          failures.add(topic.name() + ": " + e.getCause().getMessage());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topics", e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("cannot create topics: " + String.join("; ", failures));
    }
    return created;
  }

  /** Like {@link #ensure(Admin, int)}, with a short-lived admin client for {@code bootstrap}. */
  public static Set<String> ensure(String bootstrapServers, int partitions) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      return ensure(admin, partitions);
    }
  }

  private static NewTopic topic(String name, int partitions, Map<String, String> configs) {
    return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
  }

  private static Map<String, String> deleteAfter(Duration retention) {
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG,
        Long.toString(retention.toMillis()));
  }
}
