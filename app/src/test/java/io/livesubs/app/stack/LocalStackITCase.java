package io.livesubs.app.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole local stack in this JVM: broker + topics, schema registry, Flink and its REST API. */
class LocalStackITCase {

  private static final int PARTITIONS = 3;
  private static final int SLOTS = 2;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalStack stack;
  private static Admin admin;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.builder().ephemeralPorts().partitions(PARTITIONS).slots(SLOTS).start();
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    admin = Admin.create(props);
  }

  @AfterAll
  static void stopStack() {
    if (admin != null) {
      admin.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void topicsExistWithTheirPartitionCounts() throws Exception {
    Map<String, TopicDescription> topics =
        admin
            .describeTopics(List.of(Topics.AUDIO, Topics.STREAMS, Topics.CUES, Topics.AUDIO_DLQ))
            .allTopicNames()
            .get();
    assertEquals(PARTITIONS, topics.get(Topics.AUDIO).partitions().size());
    assertEquals(PARTITIONS, topics.get(Topics.STREAMS).partitions().size());
    assertEquals(PARTITIONS, topics.get(Topics.CUES).partitions().size());
    assertEquals(1, topics.get(Topics.AUDIO_DLQ).partitions().size());
  }

  @Test
  void topicsHaveTheirCleanupPoliciesAndRetention() throws Exception {
    assertEquals("delete", topicConfig(Topics.AUDIO, "cleanup.policy"));
    assertEquals(
        Long.toString(Duration.ofHours(24).toMillis()), topicConfig(Topics.AUDIO, "retention.ms"));
    assertEquals("compact", topicConfig(Topics.STREAMS, "cleanup.policy"));
    // Cue identity is in the value, not the key: compaction would drop cues.
    assertEquals("delete", topicConfig(Topics.CUES, "cleanup.policy"));
    assertEquals(
        Long.toString(Duration.ofDays(7).toMillis()),
        topicConfig(Topics.AUDIO_DLQ, "retention.ms"));
  }

  @Test
  void creatingTopicsAgainChangesNothing() {
    Set<String> created = LivesubsTopics.ensure(admin, PARTITIONS);
    assertTrue(created.isEmpty(), "all topics existed already, yet created " + created);
  }

  @Test
  void schemaRegistryAnswers() throws Exception {
    HttpResponse<String> response = get(stack.registryUrl() + "/subjects");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(JSON.readTree(response.body()).isArray(), response.body());
  }

  @Test
  void flinkRestApiReportsTheTaskManagerAndSlots() throws Exception {
    HttpResponse<String> response = get(stack.flinkWebUrl() + "/overview");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode overview = JSON.readTree(response.body());
    assertEquals(1, overview.get("taskmanagers").asInt());
    assertEquals(SLOTS, overview.get("slots-total").asInt());
  }

  @Test
  void flinkCheckpointsDefaultToTheStacksDataDirectory() throws Exception {
    String expected = stack.dataDir().resolve("flink/checkpoints").toUri().toString();
    JsonNode config = JSON.readTree(get(stack.flinkWebUrl() + "/jobmanager/config").body());
    String actual = null;
    for (JsonNode entry : config) {
      if (entry.get("key").asText().equals("execution.checkpointing.dir")) {
        actual = entry.get("value").asText();
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void flinkWebUiServesItsPage() throws Exception {
    HttpResponse<String> response = get(stack.flinkWebUrl() + "/");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("<html"), "expected the web UI's index page");
  }

  @Test
  void pipelineRunsOnTheStacksClusterAndShowsInItsRestApi() throws Exception {
    StreamExecutionEnvironment env = stack.streamEnvironment();
    env.fromSequence(1, 10_000).name("numbers").sinkTo(new DiscardingSink<>()).name("discard");
    JobExecutionResult result = env.execute("livesubs-smoke");

    String jobId = result.getJobID().toHexString();
    // The REST API caches job overviews briefly, so the final state may show up a bit later.
    JsonNode job = awaitJob(jobId, "FINISHED", Duration.ofSeconds(30));
    assertEquals("livesubs-smoke", job.get("name").asText());
    assertEquals("FINISHED", job.get("state").asText());
  }

  /** Polls {@code /jobs/overview} until the job is in {@code state} or the deadline passes. */
  private static JsonNode awaitJob(String jobId, String state, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode job = null;
    do {
      for (JsonNode candidate :
          JSON.readTree(get(stack.flinkWebUrl() + "/jobs/overview").body()).get("jobs")) {
        if (candidate.get("jid").asText().equals(jobId)) {
          job = candidate;
        }
      }
      if (job != null && state.equals(job.get("state").asText())) {
        return job;
      }
      TimeUnit.MILLISECONDS.sleep(100); // poll interval, not synchronisation
    } while (System.nanoTime() < deadline);
    assertTrue(job != null, "job " + jobId + " missing from /jobs/overview");
    return job;
  }

  private static String topicConfig(String topic, String key) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    return config.get(key).value();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
