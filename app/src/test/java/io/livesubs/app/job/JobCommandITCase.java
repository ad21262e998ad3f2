package io.livesubs.app.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livesubs.app.demo.CueCollector;
import io.livesubs.app.demo.CueConsumer;
import io.livesubs.app.stack.LocalStack;
import io.livesubs.app.stack.Loopback;
import io.livesubs.app.testing.CliRun;
import io.livesubs.app.testing.SharedFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code livesubs job} against a real stack: on a Flink cluster of its own (web UI on the given
 * port, until the job is cancelled), and submitted with the shaded job jar to a running cluster
 * (the stack's) through its REST API. Each run captions a short clip to its end-of-stream marker.
 *
 * <p>The stack's cluster resolves classes parent-first: in this JVM the parent class path holds
 * everything the jar holds (a real cluster's holds only Flink and {@code lib/}), and child-first
 * loading would load the Kafka client twice. What the jar must and must not contain for a real
 * cluster is checked by {@link JobJarContentsTest}.
 */
class JobCommandITCase {

  private static final String CLIP =
      "eval/speech/en/librivox_pocketsphinx/sense_and_sensibility_01_austen_64kb-0880.wav";
  private static final Duration DEADLINE = Duration.ofMinutes(3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalStack stack;
  private static CueCollector cues;
  private static CueConsumer consumer;

  @BeforeAll
  static void start() {
    Configuration flink = new Configuration();
    flink.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
    stack =
        LocalStack.builder()
            .ephemeralPorts()
            .partitions(2)
            .slots(2)
            .flinkConfiguration(flink)
            .start();
    cues = new CueCollector(null, null);
    consumer =
        CueConsumer.start(
            stack.bootstrapServers(), stack.registryUrl(), "livesubs.cues", cues::accept);
  }

  @AfterAll
  static void stop() {
    if (consumer != null) {
      consumer.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static void ingest(String streamId) {
    CliRun run =
        CliRun.of(
            "ingest",
            "--stream-id",
            streamId,
            "--input",
            SharedFiles.require(CLIP).toString(),
            "--fast",
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registryUrl());
    assertEquals(0, run.exitCode(), run.err());
  }

  @Test
  void runsOnALocalClusterWithItsWebUiUntilTheJobIsCancelled() throws Exception {
    int webPort = Loopback.freePort();
    CompletableFuture<CliRun> job =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "job",
                    "--web-port",
                    Integer.toString(webPort),
                    "--slots",
                    "1",
                    "--group-id",
                    "local-run",
                    "--bootstrap-servers",
                    stack.bootstrapServers(),
                    "--schema-registry",
                    stack.registryUrl()));
    String webUrl = "http://" + Loopback.HOST + ":" + webPort;
    String jobId = awaitRunningJob(webUrl);
    ingest("local");
    assertTrue(cues.awaitEnded(List.of("local"), DEADLINE), "no end of stream from the job");
    assertTrue(cues.stats().finalCues() > 0, "final cues");

    HTTP.send(
        HttpRequest.newBuilder(URI.create(webUrl + "/jobs/" + jobId + "?mode=cancel"))
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    CliRun run = job.get(2, TimeUnit.MINUTES);
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("livesubs job " + jobId + " is running"), run.out());
    assertTrue(run.out().contains(webUrl), run.out());
    assertTrue(run.out().contains("was cancelled"), run.out());
  }

  @Test
  void submitsTheShadedJobJarToARunningCluster() throws Exception {
    Optional<Path> jar = JobJars.inDirectory(Path.of("..", "flink-jobs", "target"));
    Assumptions.assumeTrue(
        jar.isPresent(), "no job jar in flink-jobs/target (mvn -pl flink-jobs package); skipping");
    URI rest = URI.create(stack.flinkWebUrl());
    CliRun run =
        CliRun.of(
            "job",
            "--jobmanager",
            rest.getHost() + ":" + rest.getPort(),
            "--job-jar",
            jar.get().toString(),
            "--group-id",
            "remote-run",
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry",
            stack.registryUrl());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().startsWith("submitted livesubs job "), run.out());
    ingest("remote");
    assertTrue(cues.awaitEnded(List.of("remote"), DEADLINE), "no end of stream from the job");
    String jobId = run.out().split(" ")[3];
    HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.flinkWebUrl() + "/jobs/" + jobId + "?mode=cancel"))
            .method("PATCH", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls the REST API of {@code webUrl} until it lists a running job; returns its id. */
  private static String awaitRunningJob(String webUrl) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(webUrl + "/jobs/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode job : JSON.readTree(response.body()).path("jobs")) {
          if (job.path("state").asText().equals("RUNNING")) {
            return job.path("jid").asText();
          }
        }
      } catch (IOException e) {
        // the cluster is not up yet
      }
      TimeUnit.MILLISECONDS.sleep(200); // poll interval, not synchronisation
    }
    throw new AssertionError("no running job at " + webUrl + " within " + DEADLINE);
  }
}
